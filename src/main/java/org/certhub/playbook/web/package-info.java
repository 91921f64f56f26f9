/** The playbook API: released playbooks and versions, validation, simulation, runs and their timelines. */
package org.certhub.playbook.web;
