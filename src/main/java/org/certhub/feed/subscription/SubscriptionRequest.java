package org.certhub.feed.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.certhub.outbound.TargetPolicy;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks the body of {@code POST /api/v1/subscriptions}: every broken rule is named. */
final class SubscriptionRequest {

    static final int MAX_SECRET_LENGTH = 512;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubscriptionRequest() {
    }

    static Subscription read(String body, String owner, SubscriptionProperties properties, TargetPolicy targets) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                    "Malformed JSON", "The body is not valid JSON."), List.of(new ProblemError("", "json", "Not JSON."))));
        }
        List<ProblemError> errors = new ArrayList<>();
        if (!node.isObject()) {
            errors.add(new ProblemError("", "object", "The body must be a JSON object."));
            throw invalid(errors);
        }
        Optional<String> url = text(node, "url", errors);
        Optional<String> secret = text(node, "secret", errors);
        secret.filter(s -> s.length() < properties.minSecretLength() || s.length() > MAX_SECRET_LENGTH)
                .ifPresent(s -> errors.add(new ProblemError("/secret", "secret-length", "Between "
                        + properties.minSecretLength() + " and " + MAX_SECRET_LENGTH + " characters.")));
        JsonNode filter = node.path("filter");
        if (!filter.isMissingNode() && !filter.isObject()) {
            errors.add(new ProblemError("/filter", "object", "The filter must be a JSON object."));
        }
        FeedFilter feedFilter = FeedFilter.parse(strings(filter, "types", errors), optionalText(filter, "max_tlp", errors),
                strings(filter, "observable_types", errors), FeedFilter.Pointers.BODY, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        // A well-formed request whose target the outbound policy refuses: 422, naming the field and the rule.
        targets.refusal(url.get()).ifPresent(refusal -> {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "refused-target",
                    "Refused webhook target", "The hub does not call this URL: " + refusal.message()),
                    List.of(new ProblemError("/url", refusal.rule(), refusal.message()))));
        });
        return new Subscription("sub-" + UUID.randomUUID(), owner, URI.create(url.get()), secret.get(), feedFilter,
                false, Instant.now(), Optional.empty());
    }

    private static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-subscription",
                "Invalid subscription", "The subscription breaks " + errors.size() + " rule(s); see errors."), errors));
    }

    private static Optional<String> text(JsonNode node, String field, List<ProblemError> errors) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            errors.add(new ProblemError("/" + field, "required-string", "A non-empty string is required."));
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static Optional<String> optionalText(JsonNode filter, String field, List<ProblemError> errors) {
        JsonNode value = filter.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            errors.add(new ProblemError("/filter/" + field, "string", "A string is required."));
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static List<String> strings(JsonNode filter, String field, List<ProblemError> errors) {
        JsonNode value = filter.path(field);
        List<String> values = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return values;
        }
        if (!value.isArray()) {
            errors.add(new ProblemError("/filter/" + field, "array", "An array of strings is required."));
            return values;
        }
        value.forEach(entry -> values.add(entry.isString() ? entry.asString() : null));
        return values;
    }
}
