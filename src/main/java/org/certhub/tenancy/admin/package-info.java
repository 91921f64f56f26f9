/** Changes to the community: creating principals, issuing and rotating keys, and the demo community. */
package org.certhub.tenancy.admin;
