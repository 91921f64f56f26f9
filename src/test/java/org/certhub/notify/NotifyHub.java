package org.certhub.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.certhub.stix.Tlp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running hub as the notify tests use it from outside: its HTTP API (admin and recipients) and
 * its Kafka topics (requests in, events and the notifications channel out).
 */
public final class NotifyHub {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A principal created for one test, with its key and the webhook secret it was given. */
    public record Recipient(String id, String apiKey, String webhookSecret) {
    }

    private final String baseUrl;
    private final String adminKey;
    private final Map<String, Object> kafka;
    private final String requestsTopic;

    public NotifyHub(int port, String adminKey, Map<String, Object> kafka, String requestsTopic) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.adminKey = adminKey;
        this.kafka = kafka;
        this.requestsTopic = requestsTopic;
    }

    /** A new CERT (or non-member partner) with a webhook at {@code webhook} and the given e-mail address. */
    Recipient recipient(String kind, URI webhook, String email) {
        String id = kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> principal = kind.equals("cert")
                ? Map.of("id", id, "kind", "cert", "roles", List.of("responder"), "name", id, "country", "KZ")
                : Map.of("id", id, "kind", "partner", "roles", List.of("feed-reader"), "name", id);
        return create(principal, webhook, Map.of("duty-officer", email));
    }

    /**
     * A new CERT of {@code country} that submits and responds, with a webhook at {@code webhook} and
     * contact roles (such as {@code duty-officer}) with one e-mail address each.
     */
    public Recipient cert(String country, URI webhook, Map<String, String> roleEmails) {
        String id = country.toLowerCase(Locale.ROOT) + "-cert-" + UUID.randomUUID().toString().substring(0, 8);
        return create(Map.of("id", id, "kind", "cert", "roles", List.of("submitter", "responder"), "name", id, "country", country),
                webhook, roleEmails);
    }

    private Recipient create(Map<String, Object> principal, URI webhook, Map<String, String> roleEmails) {
        String id = (String) principal.get("id");
        HttpResponse<String> created = send("POST", "/api/v1/admin/principals", adminKey, principal);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("principal not created: " + created.body());
        }
        String secret = "whsec-" + UUID.randomUUID();
        Map<String, Object> contacts = Map.of("emails", List.of("desk@" + id + ".example"),
                "webhook", Map.of("url", webhook.toString(), "secret", secret),
                "roles", roleEmails.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        role -> Map.of("emails", List.of(role.getValue())))));
        HttpResponse<String> set = send("PUT", "/api/v1/admin/principals/" + id + "/contacts", adminKey, contacts);
        if (set.statusCode() != 200) {
            throw new IllegalStateException("contacts not set: " + set.body());
        }
        return new Recipient(id, read(created.body()).path("apiKey").asString(), secret);
    }

    static NotificationRequested request(String recipient, Tlp tlp, List<String> channels, String text) {
        String run = "run-" + UUID.randomUUID();
        return new NotificationRequested(NotificationRequested.SCHEMA_VERSION, run + ":tell:" + recipient, run,
                "cross-border-energy", 1, "tell", recipient, "duty-officer", channels, "Grid intrusion seen in KZ and UZ",
                text, "correlation", "corr-" + UUID.randomUUID(), tlp, true, Instant.now().plus(Duration.ofHours(1)),
                Instant.now());
    }

    void publish(NotificationRequested... requests) {
        publishTo(null, requests);
    }

    /** Publishes to one partition (null: the key's), so a test can spread requests over every owner. */
    void publishTo(Integer partition, NotificationRequested... requests) {
        Properties config = new Properties();
        config.putAll(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (NotificationRequested request : requests) {
                producer.send(new ProducerRecord<>(requestsTopic, partition, request.notificationId(), request.toJson())).get(30,
                        TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("request not published", e);
        }
    }

    /** Publishes bytes that may not be a request at all. */
    void publishRaw(String key, byte[] value) {
        Properties config = new Properties();
        config.putAll(kafka);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(requestsTopic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("record not published", e);
        }
    }

    /** Every notification event of the run on the events topic so far. */
    List<NotificationEvent> events(String runId) {
        List<NotificationEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : all(NotificationEvent.DEFAULT_TOPIC)) {
            if (runId.equals(record.key())) {
                NotificationEvent.fromJson(record.value()).ifPresent(events::add);
            }
        }
        return events;
    }

    /** Every record of a topic so far. */
    List<ConsumerRecord<String, byte[]>> all(String topic) {
        Properties config = new Properties();
        config.putAll(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public JsonNode get(String path, String apiKey) {
        HttpResponse<String> response = send("GET", path, apiKey, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    public HttpResponse<String> send(String method, String path, String apiKey, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
