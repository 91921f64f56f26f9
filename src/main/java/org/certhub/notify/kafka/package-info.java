/** The notify topics, the request consumer, and the partition ownership it gives this instance. */
package org.certhub.notify.kafka;
