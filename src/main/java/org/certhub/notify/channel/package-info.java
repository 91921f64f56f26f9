/** The ways a notification reaches its recipient: a signed webhook POST, an e-mail over SMTP, a Kafka topic. */
package org.certhub.notify.channel;
