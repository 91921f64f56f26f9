package org.certhub.feed.subscription;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.certhub.stix.observable.ObservableType;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of the subscriptions topic (schema version {@value #SCHEMA_VERSION}). Key
 * {@code <id>}: the subscription; key {@code <id>#status}: its delivery status. Two keys, because
 * the owner (through the API) and the delivering instance write them independently; a deleted
 * subscription leaves a tombstone on both.
 */
final class SubscriptionRecords {

    static final int SCHEMA_VERSION = 1;
    static final String STATUS_SUFFIX = "#status";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubscriptionRecords() {
    }

    static String statusKey(String subscriptionId) {
        return subscriptionId + STATUS_SUFFIX;
    }

    static String write(Subscription subscription) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema_version", SCHEMA_VERSION).put("id", subscription.id()).put("owner", subscription.owner())
                .put("url", subscription.url().toString()).put("secret", subscription.secret())
                .put("paused", subscription.paused()).put("created_at", subscription.createdAt().toString());
        subscription.resumedAt().ifPresent(at -> node.put("resumed_at", at.toString()));
        ObjectNode filter = node.putObject("filter");
        subscription.filter().types().stream().sorted().forEach(filter.putArray("types")::add);
        subscription.filter().maxTlp().ifPresent(tlp -> filter.put("max_tlp", tlp.label()));
        subscription.filter().observableTypeIds().forEach(filter.putArray("observable_types")::add);
        return JSON.writeValueAsString(node);
    }

    static Optional<Subscription> readSubscription(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode filter = node.path("filter");
            List<ObservableType> observables = new ArrayList<>();
            strings(filter.path("observable_types")).forEach(id -> ObservableType.fromId(id).ifPresent(observables::add));
            FeedFilter feedFilter = new FeedFilter(Set.copyOf(strings(filter.path("types"))),
                    text(filter, "max_tlp").flatMap(FeedFilter::tlp), Set.copyOf(observables));
            return Optional.of(new Subscription(required(node, "id"), required(node, "owner"),
                    URI.create(required(node, "url")), required(node, "secret"), feedFilter,
                    node.path("paused").asBoolean(false), Instant.parse(required(node, "created_at")),
                    text(node, "resumed_at").map(Instant::parse)));
        } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    static String write(DeliveryStatus status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema_version", SCHEMA_VERSION);
        status.lastDeliveryAt().ifPresent(at -> node.put("last_delivery_at", at.toString()));
        status.lastError().ifPresent(error -> node.put("last_error", error));
        status.lastErrorAt().ifPresent(at -> node.put("last_error_at", at.toString()));
        status.failingSince().ifPresent(at -> node.put("failing_since", at.toString()));
        return JSON.writeValueAsString(node);
    }

    static Optional<DeliveryStatus> readStatus(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Function<String, Optional<Instant>> instant = field -> text(node, field).map(Instant::parse);
            return Optional.of(new DeliveryStatus(instant.apply("last_delivery_at"), text(node, "last_error"),
                    instant.apply("last_error_at"), instant.apply("failing_since")));
        } catch (JacksonException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String required(JsonNode node, String field) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException("missing " + field));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString("")));
        return values;
    }
}
