package org.certhub.console.web;

import java.io.Serializable;

/**
 * Who is signed in, as the session keeps it: only the username. The account and its principal are
 * looked up on every request, so a changed role, language or a removed account applies at once.
 */
record ConsoleUser(String username) implements Serializable {
}
