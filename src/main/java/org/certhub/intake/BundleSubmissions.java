package org.certhub.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.certhub.stix.StixValidator;
import org.certhub.stix.Tlp;
import org.certhub.stix.ValidationReport;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accepts one bundle for one CERT: checks it whole (a bundle with any invalid object is refused
 * whole), makes it the CERT's own, and answers only once Kafka has acknowledged it.
 */
@Component
public class BundleSubmissions {

    private static final Logger log = LoggerFactory.getLogger(BundleSubmissions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntakeProperties properties;
    private final StixValidator validator;
    private final KafkaTemplate<String, byte[]> kafka;
    private final StatusStore statuses;
    private final IntakeAdmission admission;
    private final ObjectsPerBundle objectsPerBundle;

    BundleSubmissions(IntakeProperties properties, KafkaTemplate<String, byte[]> intakeKafkaTemplate, StatusStore statuses,
            IntakeAdmission admission, ObjectsPerBundle objectsPerBundle) {
        this.properties = properties;
        this.validator = new StixValidator(properties.maxErrors());
        this.kafka = intakeKafkaTemplate;
        this.statuses = statuses;
        this.admission = admission;
        this.objectsPerBundle = objectsPerBundle;
    }

    /**
     * Submits a bundle on behalf of a CERT.
     *
     * @param submitter who submits, with the identity and default TLP its objects get
     * @param document the parsed request body
     * @return the pending status of the accepted submission
     */
    public SubmissionStatus submit(Submitter submitter, JsonNode document) {
        admission.check();
        if (document.path("objects").size() > properties.maxObjects()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-objects",
                    "Submission too large", "The bundle has " + document.path("objects").size()
                            + " objects; at most " + properties.maxObjects() + " are accepted in one bundle."),
                    List.of(new ProblemError("/objects", "max-objects", "more than " + properties.maxObjects() + " objects"))));
        }
        ValidationReport report = validator.validateBundle(document);
        if (!report.valid()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "stix-invalid",
                    "Invalid STIX 2.1", "The bundle breaks " + report.errors().size()
                            + " rule(s) of STIX 2.1; nothing of it was accepted."),
                    report.errors().stream().map(e -> new ProblemError(e.pointer(), e.rule(), e.message())).toList()));
        }
        ObjectNode bundle = (ObjectNode) document;
        List<ProblemError> impersonations = BundleNormalizer.normalize(bundle, submitter.identityId(),
                submitter.defaultTlp(), submitter.otherCertsIdentity());
        if (!impersonations.isEmpty()) {
            throw new ProblemException(Problems.withErrors(Problems.of(HttpStatus.FORBIDDEN, "impersonation",
                    "Impersonation", "Objects of the bundle claim another CERT's identity; nothing of it was accepted."),
                    impersonations));
        }
        int count = bundle.path("objects").size();
        BundleAccepted accepted = new BundleAccepted(BundleAccepted.SCHEMA_VERSION, UUID.randomUUID().toString(),
                bundle.path("id").asString(), submitter.principalId(), Instant.now(), count, JSON.writeValueAsBytes(bundle));
        publish(accepted);
        objectsPerBundle.accepted(count);
        SubmissionStatus pending = SubmissionStatus.pending(accepted.submissionId(), accepted.owner(),
                accepted.bundleId(), accepted.receivedAt(), count);
        statuses.recordPending(pending);
        return pending;
    }

    private void publish(BundleAccepted accepted) {
        try {
            kafka.send(accepted.toRecord(properties.topic()))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException | org.apache.kafka.common.KafkaException e) {
            // send() itself throws when the cluster's metadata cannot be had within max.block.ms.
            log.warn("Kafka did not acknowledge bundle {} of {}: {}", accepted.bundleId(), accepted.owner(), e.toString());
            throw kafkaUnavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kafkaUnavailable();
        }
    }

    private static ProblemException kafkaUnavailable() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ProblemException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
                "Temporarily unavailable", "The submission could not be made durable; nothing was accepted. Retry later."),
                headers);
    }

    /**
     * The submitting CERT as the intake needs it.
     *
     * @param otherCertsIdentity whether an identity id belongs to another member of the community
     */
    public record Submitter(String principalId, String identityId, Tlp defaultTlp, Predicate<String> otherCertsIdentity) {
    }
}
