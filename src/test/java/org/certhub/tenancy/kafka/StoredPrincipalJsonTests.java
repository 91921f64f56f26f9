package org.certhub.tenancy.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.Principals;
import org.certhub.tenancy.Role;
import org.certhub.tenancy.keys.ApiKey;
import org.certhub.tenancy.keys.ApiKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
    void contactsWithTheirWebhookSecretReadBackAndOldRecordsHaveNone() {
        Contacts contacts = new Contacts(List.of("incident@kz-cert.example"),
                Optional.of(new Contacts.Webhook(URI.create("https://hooks.kz-cert.example/certhub"), "0123456789abcdef")),
                Map.of("duty-officer", new Contacts.Contact(List.of("duty@kz-cert.example"), Optional.empty())));
        StoredPrincipal withContacts = stored.withContacts(contacts);

        assertThat(StoredPrincipalJson.read(StoredPrincipalJson.write(withContacts))).contains(withContacts);
        ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(StoredPrincipalJson.write(stored));
        tree.remove("contacts");
        String old = tree.toString();
        assertThat(StoredPrincipalJson.read(old)).get().extracting(StoredPrincipal::contacts).isEqualTo(Contacts.none());
    }

    @Test
    void aRoleWithoutAddressesIsReachedThroughThePrincipalsOwnContacts() {
        var hook = new Contacts.Webhook(URI.create("https://hooks.example/a"), "0123456789abcdef");
        Contacts contacts = new Contacts(List.of("desk@x.example"), Optional.of(hook),
                Map.of("head", new Contacts.Contact(List.of(), Optional.empty()),
                        "duty-officer", new Contacts.Contact(List.of("duty@x.example"), Optional.empty())));

        assertThat(contacts.reach(Optional.of("head")).emails()).containsExactly("desk@x.example");
        assertThat(contacts.reach(Optional.of("duty-officer")).emails()).containsExactly("duty@x.example");
        assertThat(contacts.reach(Optional.of("duty-officer")).webhook()).contains(hook);
        assertThat(contacts.reach(Optional.empty()).emails()).containsExactly("desk@x.example");
        assertThat(hook.toString()).doesNotContain("0123456789abcdef");
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
        StoredPrincipal withUser = stored.withUsers(
                List.of(new StoredUser("kz-responder", "$2a$12$hash", Set.of(Role.RESPONDER), "ru")));

        assertThat(StoredPrincipalJson.read(StoredPrincipalJson.write(withUser))).contains(withUser);
        assertThat(withUser.user("kz-responder").map(StoredUser::language)).contains("ru");
    }

    @Test
    void anAccountWrittenBeforeAccountsCouldBeDisabledReadsAsEnabled() {
        StoredPrincipal withUser = stored.withUsers(
                List.of(new StoredUser("kz-responder", "$2a$12$hash", Set.of(Role.RESPONDER), "ru")));
        String older = StoredPrincipalJson.write(withUser).replace(",\"disabled\":false", "");

        assertThat(older).doesNotContain("disabled");
        assertThat(StoredPrincipalJson.read(older)).hasValueSatisfying(read ->
                assertThat(read.user("kz-responder")).hasValueSatisfying(user -> assertThat(user.disabled()).isFalse()));
        StoredPrincipal disabled = stored.withUsers(List.of(withUser.user("kz-responder").orElseThrow().asDisabled()));
        assertThat(StoredPrincipalJson.read(StoredPrincipalJson.write(disabled))).contains(disabled);
    }
}
