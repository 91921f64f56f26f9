package org.certhub.tenancy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.certhub.tenancy.Principals;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StoredPrincipalJsonTests {

    private final ApiKey key = ApiKeys.generate();
    private final StoredPrincipal stored = new StoredPrincipal(Principals.cert("kz-cert"),
            List.of(ApiKeys.hash(key, Instant.parse("2026-01-15T10:00:00Z"))));

    @Test
    void storedPrincipalReadsBackAsWritten() {
        assertThat(StoredPrincipalJson.read(StoredPrincipalJson.write(stored))).contains(stored);
    }

    @Test
    void recordHasASchemaVersionTheKeyHashesAndNoSecret() {
        String json = StoredPrincipalJson.write(stored);
        JsonNode tree = JsonMapper.builder().build().readTree(json);

        assertThat(tree.path("schema").asInt()).isEqualTo(1);
        assertThat(tree.path("principal").path("kind").asString()).isEqualTo("cert");
        assertThat(tree.path("principal").path("roles").toString()).isEqualTo("[\"submitter\",\"responder\"]");
        assertThat(tree.path("principal").path("created").asString()).isEqualTo("2026-01-15T10:00:00.123Z");
        assertThat(tree.path("keys").get(0).path("sha256").asString()).hasSize(64);
        assertThat(json).doesNotContain(key.secret()).doesNotContain(key.value());
    }

    @Test
    void textThatIsNotAStoredPrincipalReadsAsNothing() {
        assertThat(StoredPrincipalJson.read("{\"schema\":1}")).isEmpty();
        assertThat(StoredPrincipalJson.read("not json")).isEmpty();
    }

    @Test
    void aRecordWrittenBeforeConsoleAccountsReadsWithNone() {
        String older = StoredPrincipalJson.write(stored).replace(",\"users\":[]", "");

        assertThat(older).doesNotContain("users");
        assertThat(StoredPrincipalJson.read(older)).hasValueSatisfying(read -> assertThat(read.users()).isEmpty());
    }

    @Test
    void consoleAccountsKeepOnlyTheirPasswordHash() {
        StoredPrincipal withUser = new StoredPrincipal(stored.principal(), stored.keys(),
                List.of(new StoredUser("kz-responder", "$2a$12$hash", Set.of(Role.RESPONDER), "ru")));

        assertThat(StoredPrincipalJson.read(StoredPrincipalJson.write(withUser))).contains(withUser);
        assertThat(withUser.user("kz-responder").map(StoredUser::language)).contains("ru");
    }
}
