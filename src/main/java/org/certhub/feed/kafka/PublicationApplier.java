package org.certhub.feed.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.certhub.correlation.CorrelationFeed;
import org.certhub.correlation.CorrelationStixIds;
import org.certhub.correlation.SharedCorrelation;
import org.certhub.feed.FeedProperties;
import org.certhub.feed.FeedProperties.Scope;
import org.certhub.feed.PublicationOutcome;
import org.certhub.feed.taxii.CorrelationObjects;
import org.certhub.playbook.PublicationRequested;
import org.certhub.search.SearchIndices;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.SharingPolicy.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Carries out playbooks' {@code publish} steps ({@link PublicationRequested}). An incident is
 * checked against its own stored marking and the collection's levels: the scope collections and
 * topics already carry every object at their levels, so an allowed incident is confirmed, never
 * re-sent. A correlation allowed into a scope goes to that scope's topic as a STIX grouping showing
 * only the members at the scope's levels. Every decision is logged and published as a
 * {@link PublicationOutcome}; a refusal never publishes anything. Idempotent: a repeated request
 * decides the same way.
 */
@Component
class PublicationApplier {

    static final String LISTENER_ID = "certhub-feed-publications";
    static final String HEADER_PUBLISHED_BY = "certhub-published-by-run";
    /** How long an incident the indexer has not written yet is waited for before the request is refused. */
    private static final Duration INDEXING_GRACE = Duration.ofSeconds(30);
    private static final String CORRELATIONS = "correlations";
    private static final Logger log = LoggerFactory.getLogger(PublicationApplier.class);

    private final FeedProperties properties;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ElasticsearchClient client;
    private final CorrelationFeed correlations;
    private final Clock clock = Clock.systemUTC();

    PublicationApplier(FeedProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate,
            ElasticsearchClient client, CorrelationFeed correlations) {
        this.properties = properties;
        this.kafka = intakeKafkaTemplate;
        this.client = client;
        this.correlations = correlations;
    }

    @KafkaListener(id = LISTENER_ID, topics = "${certhub.playbook.topics.publications:certhub.playbook.publications}",
            containerFactory = FeedKafkaConfiguration.PUBLICATIONS_FACTORY, batch = "true", autoStartup = "false")
    void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<PublicationRequested> request = PublicationRequested.fromJson(record.value())
                    .filter(r -> r.runId() != null && r.collection() != null && r.subjectId() != null && r.tlp() != null);
            if (request.isEmpty()) {
                out.add(deadLetter(record));
                continue;
            }
            PublicationOutcome outcome = decide(request.get(), out);
            if (outcome.refused()) {
                log.warn("Refused publication of {} {} to collection {} (run {}, step {}): {}", outcome.subjectKind(),
                        outcome.subjectId(), outcome.collection(), outcome.runId(), outcome.stepId(), outcome.reason());
            } else {
                log.info("Published {} {} to collection {} at {} (run {}, step {})", outcome.subjectKind(),
                        outcome.subjectId(), outcome.collection(), outcome.tlp(), outcome.runId(), outcome.stepId());
            }
            out.add(new ProducerRecord<>(properties.kafka().publicationOutcomesTopic(), outcome.runId(), outcome.toJson()));
        }
        FeedRecords.sendAll(kafka, out);
    }

    /** The outcome; an allowed correlation also adds its grouping record to {@code out}. */
    private PublicationOutcome decide(PublicationRequested request, List<ProducerRecord<String, byte[]>> out) {
        return switch (request.subjectKind()) {
            case "incident" -> incident(request);
            case "correlation" -> correlation(request, out);
            default -> refuse(request, request.tlp(), "unknown subject kind " + request.subjectKind());
        };
    }

    private PublicationOutcome incident(PublicationRequested request) {
        PublicationRules.Decision asked = PublicationRules.decide(request.collection(), request.tlp(), request.tlp(),
                properties.scopes());
        if (!asked.allowed()) {
            return refuse(request, asked.tlp(), asked.refusal().get());
        }
        Optional<Tlp> own = storedLevel(request.owner(), request.subjectId());
        if (own.isEmpty()) {
            if (request.requestedAt() != null && clock.instant().isBefore(request.requestedAt().plus(INDEXING_GRACE))) {
                // Not indexed yet: the batch is retried with back-off until it is, or the grace is over.
                throw new IllegalStateException("Incident " + request.subjectId() + " is not indexed yet");
            }
            return refuse(request, request.tlp(), "the incident is not (or no longer) stored for its owner");
        }
        PublicationRules.Decision decision = PublicationRules.decide(request.collection(), request.tlp(), own.get(),
                properties.scopes());
        return decision.allowed() ? publish(request, decision.tlp(), "carried by the collection at its level")
                : refuse(request, decision.tlp(), decision.refusal().get());
    }

    private PublicationOutcome correlation(PublicationRequested request, List<ProducerRecord<String, byte[]>> out) {
        if (request.collection().equals(CORRELATIONS)) {
            return publish(request, request.tlp(), "served in the correlations collection, to each reader as far as it may see");
        }
        // A correlation has no marking of its own: the level asked (already the stricter of the
        // step's and the subject's) is judged, and each member is shown only at the scope's levels.
        PublicationRules.Decision decision = PublicationRules.decide(request.collection(), request.tlp(), request.tlp(),
                properties.scopes());
        if (!decision.allowed()) {
            return refuse(request, decision.tlp(), decision.refusal().get());
        }
        Scope scope = decision.scope().get();
        Audience scopeReaders = new Audience("feed-scope:" + scope.name(), scope.tlp());
        List<SharedCorrelation> found = correlations.page(new CorrelationFeed.Query(Optional.empty(),
                List.of(CorrelationStixIds.of(request.subjectId())), List.of(), 1, List.of()), scopeReaders).correlations();
        if (found.isEmpty()) {
            return refuse(request, decision.tlp(), "no member of the correlation may be shared at the collection's levels");
        }
        SharedCorrelation grouping = found.get(0);
        if (properties.kafka().enabled()) {
            ProducerRecord<String, byte[]> record = FeedRecords.of(properties.kafka().topicOf(scope), grouping.stixId(),
                    CorrelationObjects.toStix(grouping), "certhub", grouping.strictestVisibleTlp().label(),
                    grouping.updatedAt().toString());
            record.headers().add(HEADER_PUBLISHED_BY, request.runId().getBytes(StandardCharsets.UTF_8));
            out.add(record);
        }
        return publish(request, decision.tlp(), "sent to the collection's topic as a grouping of the members at its levels");
    }

    private Optional<Tlp> storedLevel(String owner, String stixId) {
        if (owner == null) {
            return Optional.empty();
        }
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(SearchIndices.OBJECTS).id(owner + "/" + stixId)
                    .sourceIncludes("tlp"), JsonNode.class);
            return found.found() && found.source() != null ? Optional.of(levelOf(found.source().path("tlp").asString("")))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unavailable", e);
        }
    }

    /** A label this hub wrote; anything else counts as the strictest level, never as more shareable. */
    private static Tlp levelOf(String label) {
        for (Tlp tlp : Tlp.values()) {
            if (tlp.label().equals(label)) {
                return tlp;
            }
        }
        return Tlp.RED;
    }

    private PublicationOutcome publish(PublicationRequested request, Tlp tlp, String reason) {
        return PublicationOutcome.of(request, tlp.label(), PublicationOutcome.PUBLISHED, reason, clock.instant());
    }

    private PublicationOutcome refuse(PublicationRequested request, Tlp tlp, String reason) {
        return PublicationOutcome.of(request, tlp.label(), PublicationOutcome.REFUSED, reason, clock.instant());
    }

    private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record) {
        log.warn("Sending unreadable publication request {}-{}@{} to {}", record.topic(), record.partition(),
                record.offset(), properties.kafka().publicationsDeadLetterTopic());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(properties.kafka().publicationsDeadLetterTopic(),
                record.key(), record.value());
        record.headers().forEach(header -> dead.headers().add(header));
        dead.headers().add("certhub-dlt-reason", "unreadable PublicationRequested".getBytes(StandardCharsets.UTF_8));
        return dead;
    }
}
