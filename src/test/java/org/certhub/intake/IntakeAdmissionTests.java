package org.certhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.certhub.intake.IntakeAdmission.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IntakeAdmissionTests {

    private static final long GB = DataSize.ofGigabytes(1).toBytes();
    private final IntakeProperties.Admission settings = new IntakeProperties.Admission(1000, "certhub-indexer", "certhub-",
            Path.of("data"), DataSize.ofGigabytes(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void refusesPastTheBacklogBoundAndAcceptsAgainOnlyBelowHalfOfIt() {
        assertThat(IntakeAdmission.decide(settings, Verdict.ACCEPTING, 1000, 10 * GB)).isEqualTo(Verdict.ACCEPTING);
        assertThat(IntakeAdmission.decide(settings, Verdict.ACCEPTING, 1001, 10 * GB)).isEqualTo(Verdict.BACKLOG_FULL);
        assertThat(IntakeAdmission.decide(settings, Verdict.BACKLOG_FULL, 600, 10 * GB)).isEqualTo(Verdict.BACKLOG_FULL);
        assertThat(IntakeAdmission.decide(settings, Verdict.BACKLOG_FULL, 500, 10 * GB)).isEqualTo(Verdict.ACCEPTING);
    }

    @Test
    void refusesBelowTheFreeSpaceMinimumAndAcceptsAgainAtOneAndAHalfTimesIt() {
        assertThat(IntakeAdmission.decide(settings, Verdict.ACCEPTING, 0, GB - 1)).isEqualTo(Verdict.DISK_FULL);
        assertThat(IntakeAdmission.decide(settings, Verdict.DISK_FULL, 0, GB + GB / 4)).isEqualTo(Verdict.DISK_FULL);
        assertThat(IntakeAdmission.decide(settings, Verdict.DISK_FULL, 0, GB + GB / 2)).isEqualTo(Verdict.ACCEPTING);
        assertThat(IntakeAdmission.decide(settings, Verdict.BACKLOG_FULL, 5000, GB - 1)).as("the disk first")
                .isEqualTo(Verdict.DISK_FULL);
    }

    @Test
    void anUnknownFreeSpaceNeverRefuses() {
        assertThat(IntakeAdmission.decide(settings, Verdict.ACCEPTING, 0, -1)).isEqualTo(Verdict.ACCEPTING);
    }
}
