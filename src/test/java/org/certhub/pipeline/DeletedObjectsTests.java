package org.certhub.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DeletedObjectsTests {

    private static final Instant DELETED = Instant.parse("2026-11-29T12:00:00.000001Z");
    private final DeletedObjects deleted = new DeletedObjects();

    @Test
    void aVersionReceivedUpToTheDeletionIsDeletedAndOneReceivedAfterItIsANewSubmission() {
        deleted.record(deletion("kz-cert", "malware--1", DELETED));

        assertThat(deleted.deletes("kz-cert", "malware--1", DELETED.minusSeconds(60))).isTrue();
        assertThat(deleted.deletes("kz-cert", "malware--1", DELETED)).isTrue();
        assertThat(deleted.deletes("kz-cert", "malware--1", DELETED.plusNanos(1_000))).isFalse();
    }

    @Test
    void anotherOwnersCopyOfTheSameObjectIsNotDeleted() {
        deleted.record(deletion("kz-cert", "malware--1", DELETED));

        assertThat(deleted.deletes("uz-cert", "malware--1", DELETED.minusSeconds(60))).isFalse();
        assertThat(deleted.deletes("kz-cert", "malware--2", DELETED.minusSeconds(60))).isFalse();
    }

    @Test
    void theLatestDeletionCountsWhateverTheOrderTheyAreReadIn() {
        Instant later = DELETED.plusSeconds(3600);
        deleted.record(deletion("kz-cert", "malware--1", later));
        deleted.record(deletion("kz-cert", "malware--1", DELETED));

        assertThat(deleted.deletedAt("kz-cert", "malware--1")).contains(later);
        assertThat(deleted.deletes("kz-cert", "malware--1", DELETED.plusSeconds(60))).isTrue();
    }

    @Test
    void theMessageKeepsItsPublishedLayout() {
        String json = new String(deletion("kz-cert", "malware--1", DELETED).toJson(), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"schema_version\":1,\"owner\":\"kz-cert\",\"stix_id\":\"malware--1\","
                + "\"tlp\":\"TLP:GREEN\",\"deleted_at\":\"2026-11-29T12:00:00.000001Z\"}");
        assertThat(ObjectDeleted.fromJson(json.getBytes(StandardCharsets.UTF_8))).contains(deletion("kz-cert", "malware--1", DELETED));
    }

    @Test
    void anUnreadableOrIncompleteDeletionIsNotRead() {
        assertThat(ObjectDeleted.fromJson("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ObjectDeleted.fromJson("{\"schema_version\":1,\"owner\":\"kz-cert\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ObjectDeleted.fromJson(null)).isEmpty();
    }

    private static ObjectDeleted deletion(String owner, String stixId, Instant at) {
        return new ObjectDeleted(ObjectDeleted.SCHEMA_VERSION, owner, stixId, "TLP:GREEN", at);
    }
}
