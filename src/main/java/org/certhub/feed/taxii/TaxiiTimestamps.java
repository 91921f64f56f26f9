package org.certhub.feed.taxii;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** TAXII timestamps: RFC 3339 in UTC, always to the microsecond (the precision of date added). */
final class TaxiiTimestamps {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private TaxiiTimestamps() {
    }

    static String format(Instant instant) {
        return MICROS.format(instant);
    }
}
