/**
 * Playbooks: versioned YAML response playbooks under {@code playbooks/}, their immutable version
 * registry, and the engine whose runs turn incidents and correlations into notifications
 * ({@link org.certhub.notify.NotificationRequested}), acknowledgement deadlines, escalations and
 * feed publications ({@link org.certhub.playbook.PublicationRequested}).
 */
package org.certhub.playbook;
