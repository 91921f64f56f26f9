/** The console's pages, its sign-in chain and the JSON its scripts read. */
package org.certhub.console.web;
