package org.certhub.notify.channel;

import org.certhub.tenancy.Contacts;

/** One way of reaching a recipient; an attempt answers whether it arrived, and if not whether trying again may help. */
public interface Channel {

    /** {@code webhook}, {@code email} or {@code kafka}: the name playbooks use. */
    String name();

    /** One delivery attempt of {@code message} to {@code contact}; never throws for a failed delivery. */
    Outcome send(Message message, Contacts.Contact contact);
}
