/** The responders' correlation API: correlations, and every visible sighting of a value. */
package org.certhub.correlation.web;
