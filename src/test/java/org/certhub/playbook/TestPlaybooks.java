package org.certhub.playbook;

import org.certhub.TestHolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.certhub.correlation.CorrelationFound;

/** Playbooks with short deadlines, written into the hub's playbook directory by the tests. */
final class TestPlaybooks {

    private TestPlaybooks() {
    }

    /**
     * A cross-border playbook on correlations of {@code valueType} across two countries: tell the
     * affected CERTs, wait {@code within} for all of them, escalate to the regional SOC, publish.
     */
    static String crossBorder(String id, int version, String valueType, String within) {
        return crossBorder(id, version, valueType, within, "regional-soc");
    }

    /** The same, escalating to the {@code coordination-desk} of {@code escalateTo}. */
    static String crossBorder(String id, int version, String valueType, String within, String escalateTo) {
        return """
                id: %s
                version: %d
                title: Cross-border test %s
                owner: kz-cert
                trigger:
                  on: correlation
                  when:
                    min-certs: 2
                    min-countries: 2
                    observable-types: [%s]
                steps:
                  - id: alert
                    type: notify
                    recipients: [{to: affected-certs, role: duty-officer}]
                    channels: [webhook, email]
                    message:
                      subject: "Cross-border match {{subject.id}}"
                      text: "Value {{subject.value}} seen by {{subject.certs}}; acknowledge by {{ack.deadline}}"
                  - id: wait
                    type: expect-ack
                    from: alert
                    within: %s
                  - id: escalate
                    type: escalate
                    recipients: [{to: %s, role: coordination-desk}]
                    channels: [email]
                    message:
                      subject: "Escalation {{subject.id}}"
                      text: "Not acknowledged: {{run.id}}"
                  - id: share
                    type: publish
                    collection: members
                    tlp: GREEN
                """.formatted(id, version, id, valueType, within, escalateTo);
    }

    static void write(Path directory, String id, int version, String yaml) throws IOException {
        Path dir = Files.createDirectories(directory.resolve(id));
        Path temporary = Files.createTempFile(dir, "v" + version, ".tmp");
        Files.writeString(temporary, yaml);
        Files.move(temporary, dir.resolve("v" + version + ".yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A correlation of a fresh value of {@code valueType} reported by the given CERTs. */
    static CorrelationFound correlation(String valueType, List<String> certs) {
        String value = UUID.randomUUID() + ".example.kz";
        java.time.Instant now = java.time.Instant.now();
        return new CorrelationFound(CorrelationFound.SCHEMA_VERSION, UUID.randomUUID().toString().replace("-", ""), valueType,
                value, "shared-value", certs.size(), certs, 70, now, now,
                TestHolders.green(certs.toArray(String[]::new)));
    }
}
