package org.certhub.playbook.internal;

import org.certhub.playbook.PlaybookProperties;
import org.certhub.tenancy.Community;
import org.certhub.tenancy.SharingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's plain parts, wired once: subjects from events, deliveries cut per recipient, the run state machine. */
@Configuration(proxyBeanMethods = false)
class PlaybookEngineConfiguration {

    @Bean
    Subjects playbookSubjects(Community community, SharingPolicy policy) {
        return new Subjects(community, policy);
    }

    @Bean
    Deliveries playbookDeliveries(Community community, SharingPolicy policy) {
        return new Deliveries(community, policy);
    }

    @Bean
    RunIds playbookRunIds(PlaybookProperties properties) {
        return RunIds.from(properties);
    }

    @Bean
    Simulator playbookSimulator(Deliveries deliveries, RunIds runIds) {
        return new Simulator(deliveries, runIds);
    }

    @Bean
    RunMachine playbookRunMachine(Deliveries deliveries) {
        return new RunMachine(deliveries);
    }
}
