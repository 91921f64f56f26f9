package org.certhub.feed.stream;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a stream stands in the intake topic, per partition: the next record's offset and how many
 * of that record's objects were already passed. It is every event's {@code id}, so that a client
 * reconnecting with {@code Last-Event-ID} continues right after the last event it got: the
 * positions say which objects were sent or found not for it. Text form:
 * {@code v1.<partition>-<offset>-<skip>_<partition>-<offset>-<skip>...}, partitions ascending.
 */
record StreamPosition(Map<Integer, Cursor> cursors) {

    static final int MAX_LENGTH = 4096;
    private static final Pattern TEXT = Pattern.compile("v1\\.(\\d{1,5}-\\d{1,19}-\\d{1,6})(_\\d{1,5}-\\d{1,19}-\\d{1,6})*");
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,5})-(\\d{1,19})-(\\d{1,6})");

    /** A partition's place: the record at {@code offset}, of which the first {@code skip} objects are passed. */
    record Cursor(long offset, int skip) {
    }

    StreamPosition {
        cursors = new TreeMap<>(cursors);
    }

    /** Reads an event id; empty when it is not one (its partitions and offsets are checked against the topic later). */
    static Optional<StreamPosition> parse(String text) {
        if (text.length() > MAX_LENGTH || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        Map<Integer, Cursor> cursors = new TreeMap<>();
        Matcher entry = ENTRY.matcher(text.substring(3));
        try {
            while (entry.find()) {
                int partition = Integer.parseInt(entry.group(1));
                if (cursors.put(partition, new Cursor(Long.parseLong(entry.group(2)), Integer.parseInt(entry.group(3)))) != null) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new StreamPosition(cursors));
    }

    String text() {
        StringBuilder text = new StringBuilder("v1.");
        cursors.forEach((partition, cursor) -> {
            if (text.length() > 3) {
                text.append('_');
            }
            text.append(partition).append('-').append(cursor.offset()).append('-').append(cursor.skip());
        });
        return text.toString();
    }

    StreamPosition with(int partition, Cursor cursor) {
        Map<Integer, Cursor> next = new TreeMap<>(cursors);
        next.put(partition, cursor);
        return new StreamPosition(next);
    }
}
