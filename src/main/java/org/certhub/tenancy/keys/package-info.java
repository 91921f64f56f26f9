/** API keys: their format, generation, and the hashes that are all the hub keeps of them. */
package org.certhub.tenancy.keys;
