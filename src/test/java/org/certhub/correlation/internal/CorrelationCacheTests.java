package org.certhub.correlation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certhub.correlation.ObservationRecorded;
import org.junit.jupiter.api.Test;

class CorrelationCacheTests {

    private static final Suppression RULES = new Suppression(List.of("8.8.8.8"), 100_000);
    private static final Correlation.Limits LIMITS = new Correlation.Limits(1000, 5);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aSuppressedCountIsWrittenEachTimeItGrewByATwentieth() {
        CorrelationCache cache = new CorrelationCache(10_000);
        Correlation resolver = withMembers(Correlation.empty("ipv4", "8.8.8.8"), 0, 1);
        cache.putAll(List.of(stored(resolver, 7)));
        resolver = withMembers(resolver, 1, 99);
        cache.putAll(List.of(stored(resolver, 8)));

        List<Boolean> deferred = new ArrayList<>();
        for (int member = 100; member < 106; member++) {
            resolver = withMembers(resolver, member, 1);
            deferred.add(cache.defer(resolver));
        }

        // Written at 100 members: 101..104 stay in memory, 105 (a twentieth more) is written.
        assertThat(deferred).containsExactly(true, true, true, true, false, false);
    }

    @Test
    void whatIsDeferredIsWhatTheNextBatchMergesInto() {
        CorrelationCache cache = new CorrelationCache(10_000);
        Correlation resolver = withMembers(Correlation.empty("ipv4", "8.8.8.8"), 0, 100);
        cache.putAll(List.of(stored(resolver, 3)));
        Correlation grown = withMembers(resolver, 100, 2);

        assertThat(cache.defer(grown)).isTrue();

        CorrelationStore.Stored next = cache.load(Map.of(grown.id(), List.of()), null).get(grown.id());
        assertThat(next.correlation().memberCount()).isEqualTo(102);
        assertThat(next.version().orElseThrow().seqNo()).as("the version still stored, for the conditional write").isEqualTo(3);
    }

    @Test
    void aNewStoredMemberOrAnUncachedCorrelationIsNeverDeferred() {
        CorrelationCache cache = new CorrelationCache(10_000);
        Correlation open = withMembers(Correlation.empty("ipv4", "198.51.100.7"), 0, 3);
        cache.putAll(List.of(stored(open, 1)));

        assertThat(cache.defer(withMembers(open, 3, 1))).isFalse();
        assertThat(cache.defer(withMembers(Correlation.empty("ipv4", "8.8.8.8"), 0, 2))).as("not cached").isFalse();
    }

    @Test
    void theCountBeyondTheMemberCapOfAnOpenCorrelationIsDeferredToo() {
        CorrelationCache cache = new CorrelationCache(10_000);
        Correlation popular = withMembers(Correlation.empty("ipv4", "198.51.100.9"), 0, 1000);
        cache.putAll(List.of(stored(popular, 4)));

        assertThat(popular.suppressed()).isFalse();
        assertThat(cache.defer(withMembers(popular, 1000, 3))).isTrue();
    }

    @Test
    void theLeastRecentlyUsedCorrelationsGoFirstWhenTooManyMembersAreHeld() {
        CorrelationCache cache = new CorrelationCache(25);
        Correlation first = withMembers(Correlation.empty("ipv4", "198.51.100.1"), 0, 10);
        Correlation second = withMembers(Correlation.empty("ipv4", "198.51.100.2"), 0, 10);
        cache.putAll(List.of(stored(first, 1), stored(second, 1)));
        cache.load(Map.of(first.id(), List.of()), null);

        cache.putAll(List.of(stored(withMembers(Correlation.empty("ipv4", "198.51.100.3"), 0, 3), 1)));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.load(Map.of(first.id(), List.of()), null)).containsKey(first.id());
    }

    @Test
    void aValueWhoseEveryStoredMemberIsAtHandIsMergedWithoutAnyRead() {
        CorrelationCache cache = new CorrelationCache(10_000);
        Correlation known = withMembers(Correlation.empty("ipv4", "198.51.100.7"), 0, 3);
        cache.putAll(List.of(stored(known, 1)));
        ObservationRecorded newcomer = new ObservationRecorded(1, "ipv4", "198.51.100.7", "uz-cert", "report--new",
                "indicator--new", "TLP:GREEN", T0, "");

        // No store: a read would fail. A member not at hand is then known not to be stored.
        assertThat(cache.load(Map.of(known.id(), List.of(newcomer)), null).get(known.id()).correlation()).isEqualTo(known);
    }

    private static CorrelationStore.Stored stored(Correlation correlation, long seqNo) {
        return new CorrelationStore.Stored(correlation, Optional.of(new CorrelationStore.Version(seqNo, 1)), Map.of());
    }

    /** {@code correlation} with {@code count} more members, numbered from {@code from}. */
    private static Correlation withMembers(Correlation correlation, int from, int count) {
        List<ObservationRecorded> sightings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            sightings.add(new ObservationRecorded(1, correlation.valueType(), correlation.value(), "kz-cert",
                    "report--" + i, "indicator--" + i, "TLP:GREEN", T0, ""));
        }
        return correlation.merge(sightings, RULES, LIMITS);
    }
}
