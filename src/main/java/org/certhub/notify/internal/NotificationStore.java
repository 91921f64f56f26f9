package org.certhub.notify.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.certhub.search.SearchIndices;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The {@code certhub-notifications} index: one document per notification id. Every change after
 * the first write is conditional on the version read ({@code if_seq_no}/{@code if_primary_term}),
 * so two instances (or the scheduler and an acknowledgement) never overwrite each other.
 */
@Component
public class NotificationStore {

    private static final String INDEX = SearchIndices.NOTIFICATIONS;

    private final ElasticsearchClient client;

    NotificationStore(ElasticsearchClient client) {
        this.client = client;
    }

    /** A notification and the version it was read at. */
    public record Versioned(Notification notification, long seqNo, long primaryTerm) {
    }

    /** One page of a listing, with the cursor of the next when there is one. */
    public record Page(List<Notification> notifications, Optional<List<FieldValue>> next) {
    }

    /** Records new notifications; answers the ids that were new (a repeated request is already there). */
    List<Notification> recordNew(Collection<Notification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().requireAlias(true);
        for (Notification notification : notifications) {
            JsonNode document = NotificationDocuments.toJson(notification);
            bulk.operations(op -> op.create(c -> c.index(INDEX).id(notification.id()).document(document)));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException | ElasticsearchException e) {
            throw new TransientNotifyException("Elasticsearch is unavailable", e);
        }
        List<Notification> created = new ArrayList<>();
        List<Notification> asked = List.copyOf(notifications);
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                created.add(asked.get(i));
            } else if (item.status() != 409) {
                throw new TransientNotifyException("Notification " + item.id() + " not recorded (status " + item.status() + ")");
            }
        }
        return created;
    }

    /** The notification as it is now (real time, not waiting for a refresh). */
    public Optional<Versioned> get(String id) {
        if (!SearchIndices.couldBeDocumentId(id)) {
            return Optional.empty();
        }
        try {
            GetResponse<JsonNode> response = client.get(g -> g.index(INDEX).id(id), JsonNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new Versioned(NotificationDocuments.fromJson(response.source()), response.seqNo(),
                    response.primaryTerm()));
        } catch (IOException | ElasticsearchException e) {
            throw new TransientNotifyException("Elasticsearch is unavailable", e);
        }
    }

    /** Writes the notification if nobody changed it since {@code read}; false when somebody did. */
    boolean replace(Notification notification, Versioned read) {
        try {
            client.index(i -> i.index(INDEX).id(notification.id()).ifSeqNo(read.seqNo())
                    .ifPrimaryTerm(read.primaryTerm()).document(NotificationDocuments.toJson(notification)));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw new TransientNotifyException("Notification " + notification.id() + " not written", e);
        } catch (IOException e) {
            throw new TransientNotifyException("Elasticsearch is unavailable", e);
        }
    }

    /** Ids of notifications of these partitions of the topic with a channel due by {@code now}, earliest first. */
    List<String> due(String topic, Collection<Integer> partitions, Instant now, int size) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        List<FieldValue> owned = partitions.stream().map(p -> FieldValue.of(p.longValue())).toList();
        try {
            return client.search(s -> s.index(INDEX).size(size).source(src -> src.fetch(false))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.term(t -> t.field("state").value("pending")))
                            .filter(f -> f.term(t -> t.field("topic").value(topic)))
                            .filter(f -> f.terms(t -> t.field("partition").terms(v -> v.value(owned))))
                            .filter(f -> f.range(r -> r.date(d -> d.field("next_attempt_at").lte(now.toString()))))))
                    .sort(o -> o.field(f -> f.field("next_attempt_at").order(SortOrder.Asc))), JsonNode.class)
                    .hits().hits().stream().map(Hit::id).toList();
        } catch (IOException | ElasticsearchException e) {
            throw new TransientNotifyException("Elasticsearch is unavailable", e);
        }
    }

    /**
     * Notifications newest first, filtered; {@code recipient} empty lists every recipient's (the
     * admin view, whose caller decides what of each it may show).
     */
    public Page list(Optional<String> recipient, Optional<Boolean> acknowledged, Optional<ChannelDelivery.State> state,
            int limit, Optional<List<FieldValue>> after) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        recipient.ifPresent(id -> bool.filter(f -> f.term(t -> t.field("recipient").value(id))));
        acknowledged.ifPresent(ack -> bool.filter(f -> f.term(t -> t.field("acknowledged").value(ack))));
        state.ifPresent(wanted -> bool.filter(f -> wanted == ChannelDelivery.State.DEAD_LETTERED
                ? f.term(t -> t.field("dead_lettered").value(true))
                : f.term(t -> t.field("state").value(NotificationDocuments.JSON.valueToTree(wanted).asString()))));
        try {
            List<Hit<JsonNode>> hits = client.search(s -> {
                s.index(INDEX).size(limit + 1).trackTotalHits(t -> t.enabled(false))
                        .query(q -> q.bool(bool.build()))
                        .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("notification_id").order(SortOrder.Desc)));
                after.ifPresent(s::searchAfter);
                return s;
            }, JsonNode.class).hits().hits();
            List<Notification> page = hits.stream().limit(limit).filter(hit -> hit.source() != null)
                    .map(hit -> NotificationDocuments.fromJson(hit.source())).toList();
            return new Page(page, hits.size() > limit ? Optional.of(hits.get(limit - 1).sort()) : Optional.empty());
        } catch (IOException | ElasticsearchException e) {
            throw new TransientNotifyException("Elasticsearch is unavailable", e);
        }
    }
}
