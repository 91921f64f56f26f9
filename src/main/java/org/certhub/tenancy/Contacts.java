package org.certhub.tenancy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a principal is reached: its own e-mail addresses and webhook, and contact roles (e.g.
 * {@code duty-officer}, {@code head}) with addresses and a webhook of their own. Kept with the
 * principal on the tenancy topic; the webhook secret is there in clear because signing needs it,
 * and no API ever returns it.
 *
 * @param emails the principal's own addresses
 * @param webhook the principal's own webhook, if any
 * @param roles contact roles by name
 */
public record Contacts(List<String> emails, Optional<Webhook> webhook, Map<String, Contact> roles) {

    public Contacts {
        emails = emails == null ? List.of() : List.copyOf(emails);
        webhook = webhook == null ? Optional.empty() : webhook;
        roles = roles == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(roles));
    }

    /** No contacts at all: what a principal has until an admin sets some. */
    public static Contacts none() {
        return new Contacts(List.of(), Optional.empty(), Map.of());
    }

    /**
     * Where to reach the principal for a contact role: the role's addresses and webhook where it
     * has them, the principal's own otherwise (also when the role is not defined).
     */
    public Contact reach(Optional<String> role) {
        Optional<Contact> forRole = role.map(roles::get);
        List<String> addresses = forRole.map(Contact::emails).filter(list -> !list.isEmpty()).orElse(emails);
        Optional<Webhook> hook = forRole.flatMap(Contact::webhook).or(() -> webhook);
        return new Contact(addresses, hook);
    }

    /** The addresses and webhook of one contact role. */
    public record Contact(List<String> emails, Optional<Webhook> webhook) {

        public Contact {
            emails = emails == null ? List.of() : List.copyOf(emails);
            webhook = webhook == null ? Optional.empty() : webhook;
        }
    }

    /**
     * A webhook: where to POST and the secret the body is signed with.
     *
     * @param url an absolute http(s) URL
     * @param secret the HMAC key; never shown by any API, never logged ({@link #toString()} hides it)
     */
    public record Webhook(URI url, String secret) {

        public Webhook {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Webhook[url=" + url + ", secret=***]";
        }
    }
}
