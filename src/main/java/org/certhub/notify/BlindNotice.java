package org.certhub.notify;

import org.certhub.stix.Tlp;

/**
 * The fixed text a member CERT receives instead of a playbook's message when it may not see the
 * run's subject (an incident or a correlation above what the sharing policy lets it read): that a
 * CERT asks to be contacted about something restricted, at which TLP level, and whom to contact.
 * Nothing of the subject, the run or the playbook is in it: no id, name, classification, value or
 * playbook name, so that the notice says no more than the blind entry {@code {blind, cert, contact, tlp}}.
 */
public final class BlindNotice {

    private BlindNotice() {
    }

    /** The one-line subject of a blind notice. */
    public static String subject(String contact, Tlp tlp) {
        return "[certhub] " + contact + " asks you to contact it about a restricted matter (" + tlp.label() + ")";
    }

    /** The text of a blind notice. */
    public static String text(String cert, String contact, Tlp tlp) {
        return contact + " (" + cert + ") asks your CERT to contact it about a restricted incident or indicator that "
                + "concerns you, marked " + tlp.label() + ". certhub may not show you what it is about: please contact "
                + contact + " directly.";
    }
}
