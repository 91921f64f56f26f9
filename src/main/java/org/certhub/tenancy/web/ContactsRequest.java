package org.certhub.tenancy.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.certhub.outbound.TargetPolicy;
import org.certhub.tenancy.Contacts;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;

/**
 * The admin API's contacts of a principal: {@code PUT /api/v1/admin/principals/{id}/contacts}
 * replaces them whole. A webhook's {@code secret} may be left out to keep the one already set for
 * that webhook (the API never shows it, so a client cannot send it back).
 */
record ContactsRequest(List<String> emails, WebhookRequest webhook, Map<String, RoleRequest> roles) {

    record WebhookRequest(String url, String secret) {
    }

    record RoleRequest(List<String> emails, WebhookRequest webhook) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}");
    private static final Pattern ROLE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final int MAX_ADDRESSES = 20;
    private static final int MAX_ROLES = 20;
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MIN_SECRET_LENGTH = 16;
    private static final int MAX_SECRET_LENGTH = 256;

    /**
     * The contacts to store; a 400 problem listing every malformed field, or else a 422 problem
     * naming every webhook URL the outbound policy refuses (field and rule).
     */
    Contacts validated(Contacts current, TargetPolicy targets) {
        List<ProblemError> errors = new ArrayList<>();
        List<String> ownEmails = emails("/emails", emails, errors);
        Optional<Contacts.Webhook> ownHook = webhook("/webhook", webhook, current.webhook(), errors);
        Map<String, Contacts.Contact> byRole = new LinkedHashMap<>();
        if (roles != null) {
            if (roles.size() > MAX_ROLES) {
                errors.add(new ProblemError("/roles", "max-items", "at most " + MAX_ROLES + " contact roles"));
            }
            roles.forEach((name, role) -> {
                String pointer = "/roles/" + name.replace("~", "~0").replace("/", "~1");
                if (!ROLE.matcher(name).matches()) {
                    errors.add(new ProblemError(pointer, "pattern", "2 to 40 characters: lower-case letters, digits, '-'"));
                    return;
                }
                if (role == null) {
                    errors.add(new ProblemError(pointer, "required", "a contact role needs emails or a webhook"));
                    return;
                }
                Optional<Contacts.Webhook> known = Optional.ofNullable(current.roles().get(name))
                        .flatMap(Contacts.Contact::webhook);
                byRole.put(name, new Contacts.Contact(emails(pointer + "/emails", role.emails(), errors),
                        webhook(pointer + "/webhook", role.webhook(), known, errors)));
            });
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-contacts",
                    "Invalid contacts", "The contacts have " + errors.size() + " invalid field(s)."), errors));
        }
        List<ProblemError> refused = new ArrayList<>();
        ownHook.ifPresent(hook -> refusal("/webhook/url", hook, targets).ifPresent(refused::add));
        byRole.forEach((name, role) -> role.webhook().ifPresent(hook -> refusal(
                "/roles/" + name + "/webhook/url", hook, targets).ifPresent(refused::add)));
        if (!refused.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "refused-target",
                    "Refused webhook target", "The hub does not call " + refused.size() + " of these webhook URL(s)."),
                    refused));
        }
        return new Contacts(ownEmails, ownHook, byRole);
    }

    private static Optional<ProblemError> refusal(String pointer, Contacts.Webhook hook, TargetPolicy targets) {
        return targets.refusal(hook.url()).map(refusal -> new ProblemError(pointer, refusal.rule(), refusal.message()));
    }

    private static List<String> emails(String pointer, List<String> addresses, List<ProblemError> errors) {
        if (addresses == null) {
            return List.of();
        }
        if (addresses.size() > MAX_ADDRESSES) {
            errors.add(new ProblemError(pointer, "max-items", "at most " + MAX_ADDRESSES + " addresses"));
            return List.of();
        }
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
                errors.add(new ProblemError(pointer + "/" + i, "email", "an e-mail address such as duty@cert.example"));
            }
        }
        return addresses.stream().distinct().toList();
    }

    private static Optional<Contacts.Webhook> webhook(String pointer, WebhookRequest request,
            Optional<Contacts.Webhook> known, List<ProblemError> errors) {
        if (request == null) {
            return Optional.empty();
        }
        Optional<URI> url = url(pointer + "/url", request.url(), errors);
        String secret = request.secret();
        if (secret == null) {
            secret = known.map(Contacts.Webhook::secret).orElse(null);
            if (secret == null) {
                errors.add(new ProblemError(pointer + "/secret", "required", "a new webhook needs its signing secret"));
            }
        } else if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            errors.add(new ProblemError(pointer + "/secret", "length",
                    MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH + " characters"));
            secret = null;
        }
        String chosen = secret;
        return url.filter(any -> chosen != null).map(target -> new Contacts.Webhook(target, chosen));
    }

    private static Optional<URI> url(String pointer, String text, List<ProblemError> errors) {
        if (text == null) {
            errors.add(new ProblemError(pointer, "required", "the webhook URL is required"));
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            // Whether the host is one the hub may call is the outbound policy's to say (422), after this.
            if (text.length() <= MAX_URL_LENGTH && http && uri.getRawAuthority() != null && uri.getRawUserInfo() == null
                    && !uri.getRawAuthority().contains("@")) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        errors.add(new ProblemError(pointer, "url", "an absolute http or https URL without credentials, at most "
                + MAX_URL_LENGTH + " characters"));
        return Optional.empty();
    }
}
