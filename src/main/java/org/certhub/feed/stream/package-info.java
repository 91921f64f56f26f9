/** The live server-sent-events stream of shared objects, resumable with {@code Last-Event-ID}. */
package org.certhub.feed.stream;
