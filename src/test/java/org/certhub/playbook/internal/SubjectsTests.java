package org.certhub.playbook.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certhub.notify.NotificationRequested;
import org.certhub.stix.Tlp;
import org.certhub.tenancy.Principal;
import org.certhub.tenancy.SharingPolicy;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectsTests {

    private final TestCommunity community = new TestCommunity();
    private final Subjects subjects = new Subjects(community, new SharingPolicy());
    private final Principal kz = community.find("kz-cert").orElseThrow();

    @Test
    void anIncidentCarriesItsTypesSeveritySectorsCountriesAndMarking() throws IOException {
        List<Subject> found = subjects.incidents(bundle(), kz);

        assertThat(found).singleElement().satisfies(incident -> {
            assertThat(incident.kind()).isEqualTo(SubjectKind.INCIDENT);
            assertThat(incident.id()).isEqualTo("incident--59227301-507a-4f34-b2e2-5394dbda118b");
            assertThat(incident.owner()).isEqualTo("kz-cert");
            assertThat(incident.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(incident.types()).containsExactly("ransomware", "denial-of-service");
            assertThat(incident.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(incident.sectors()).contains("energy", "utilities").doesNotContain("government-national");
            assertThat(incident.countries()).startsWith("KZ");
            assertThat(incident.certs()).containsExactly("kz-cert");
        });
    }

    @Test
    void aPartnerIsNotToldOfAnIncidentItsMarkingExcludes() throws IOException {
        Subject incident = subjects.incidents(bundle(), kz).get(0);
        String yaml = PlaybookValidatorTests.VALID.replace("on: correlation", "on: incident").replace("Value {{subject.value}}",
                "{{subject.title}} ({{subject.types}})");
        ReleasedVersion version = new ReleasedVersion(PlaybookValidator.validate(yaml).playbook().orElseThrow(), yaml,
                Hashes.sha256(yaml), "test-playbook/v1.yaml", Instant.EPOCH);
        Playbook.Delivery tell = (Playbook.Delivery) version.playbook().steps().get(0);

        Deliveries.Plan plan = new Deliveries(community, new SharingPolicy())
                .plan(version, tell, incident, "run-1", Instant.EPOCH, Optional.empty(), List.of());

        NotificationRequested owner = plan.requests().stream().filter(n -> n.recipient().equals("kz-cert")).findFirst().orElseThrow();
        assertThat(owner.text()).contains("ransomware").contains("SCADA");
        assertThat(owner.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(plan.requests()).extracting(NotificationRequested::recipient).doesNotContain("regional-soc");
        assertThat(plan.skipped()).extracting(Deliveries.Skipped::recipient).containsExactly("regional-soc");
    }

    private static JsonNode bundle() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(Path.of("src/test/resources/stix/valid/energy-ransomware-incident.json")));
    }
}
