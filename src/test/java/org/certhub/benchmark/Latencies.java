package org.certhub.benchmark;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Submission latencies (nanoseconds in, milliseconds out); one per thread, merged with {@link #add}. */
final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);

    void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), histogram.getHighestTrackableValue()));
    }

    Latencies add(Latencies other) {
        histogram.add(other.histogram);
        return this;
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The mean in milliseconds. */
    double mean() {
        return histogram.getMean() / 1e6;
    }

    /** {@code p50 / p95 / p99 / max} in milliseconds. */
    String summary() {
        if (count() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s / %s / %s / %s ms", ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
    }
}
