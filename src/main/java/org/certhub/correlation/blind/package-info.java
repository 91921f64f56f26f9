/** The blind match ledger: reveals recorded per day, the daily budget, the owners' notices and list. */
package org.certhub.correlation.blind;
