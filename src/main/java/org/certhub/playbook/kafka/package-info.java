/**
 * The playbook engine on Kafka: trigger matching, the run owner per runs-topic partition, the
 * relay of notification events, acknowledgement deadline timers and the ledger of released versions.
 */
package org.certhub.playbook.kafka;
