package org.certhub.stix.pattern;

import java.util.Objects;
import org.certhub.stix.pattern.PatternValue.TimestampValue;

/** A qualifier that follows an observation expression: WITHIN, REPEATS or START/STOP. */
public sealed interface PatternQualifier {

    /** @param seconds {@code WITHIN n SECONDS}, always positive */
    record Within(double seconds) implements PatternQualifier {
    }

    /** @param times {@code REPEATS n TIMES}, always positive */
    record Repeats(long times) implements PatternQualifier {
    }

    /**
     * {@code START t'..' STOP t'..'}.
     *
     * @param start the first timestamp
     * @param stop the second timestamp, always later than {@code start}
     */
    record StartStop(TimestampValue start, TimestampValue stop) implements PatternQualifier {
        public StartStop {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
        }
    }
}
