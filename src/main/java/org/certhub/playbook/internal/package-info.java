/**
 * The playbook module's own workings: the YAML format and its checks, the version registry, the
 * matching of subjects to triggers, the run state machine and its store.
 */
package org.certhub.playbook.internal;
