package org.certhub.intake;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code intake} health component: whether submissions are taken, the backlog in objects, and
 * every stage's lag in records. UP whatever the
 * backlog (reads are still served, so a load balancer must not take the instance out); admins see
 * the state and the figures in the details.
 */
@Component("intakeHealthIndicator")
class IntakeHealthIndicator extends AbstractHealthIndicator {

    private final IntakeAdmission admission;

    IntakeHealthIndicator(IntakeAdmission admission) {
        super("Intake health check failed");
        this.admission = admission;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        IntakeAdmission.Snapshot snapshot = admission.snapshot();
        builder.up().withDetail("state", snapshot.state()).withDetail("backlog_objects", snapshot.backlogObjects())
                .withDetail("lag_by_stage", snapshot.lagByGroup());
        snapshot.freeBytes().ifPresent(free -> builder.withDetail("data_free_bytes", free));
    }
}
