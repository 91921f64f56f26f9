/**
 * Notifications: delivers what the playbooks ask to tell ({@link org.certhub.notify.NotificationRequested})
 * over webhooks, e-mail and Kafka, records every attempt and acknowledgement
 * ({@link org.certhub.notify.NotificationEvent}), and keeps each recipient's inbox.
 */
package org.certhub.notify;
