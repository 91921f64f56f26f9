package org.certhub.tenancy.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certhub.tenancy.Contacts;

/** Contacts as the API shows them: a webhook's URL, never its secret. */
record ContactsJson(List<String> emails, WebhookJson webhook, Map<String, RoleJson> roles) {

    /** A webhook without its secret; {@code secretSet} says a signing secret is stored. */
    record WebhookJson(String url, boolean secretSet) {
    }

    record RoleJson(List<String> emails, WebhookJson webhook) {
    }

    static ContactsJson of(Contacts contacts) {
        return new ContactsJson(contacts.emails(), webhook(contacts.webhook().orElse(null)),
                contacts.roles().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        role -> new RoleJson(role.getValue().emails(), webhook(role.getValue().webhook().orElse(null))),
                        (a, b) -> a, java.util.TreeMap::new)));
    }

    private static WebhookJson webhook(Contacts.Webhook webhook) {
        return webhook == null ? null : new WebhookJson(webhook.url().toString(), !webhook.secret().isEmpty());
    }
}
