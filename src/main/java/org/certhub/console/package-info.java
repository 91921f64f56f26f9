/** The responders' web console: signed-in people search, explore correlations and submit bundles, seeing only what their CERT may see. */
package org.certhub.console;
