package org.certhub.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.certhub.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** The benchmark compares ingest with and without correlation: switched off, neither stage consumes. */
@HubIntegrationTest
@TestPropertySource(properties = "certhub.correlation.enabled=false")
@DirtiesContext
class CorrelationSwitchedOffIntegrationTests {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void switchedOffNeitherCorrelationStageConsumesWhileTheIndexerDoes() {
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainer("certhub-indexer").isRunning());

        assertThat(listeners.getListenerContainer("certhub-correlation-extract").isRunning()).isFalse();
        assertThat(listeners.getListenerContainer("certhub-correlation").isRunning()).isFalse();
    }
}
