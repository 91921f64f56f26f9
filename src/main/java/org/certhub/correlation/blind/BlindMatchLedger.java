package org.certhub.correlation.blind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.certhub.correlation.BlindDisclosure;
import org.certhub.correlation.BlindMatchProperties;
import org.certhub.correlation.BlindMatches;
import org.certhub.correlation.BlindReveal;
import org.certhub.tenancy.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link BlindMatches} on the {@code certhub-blind-matches} index. Per answer: reveals this instance
 * already knows as recorded today cost nothing; for the others, one count of the viewer's day, one
 * bulk of {@code create}s (the first {@code budget - count} as shown, the rest as withheld), and only
 * for ids another instance or an earlier run recorded first, one {@code mget} of how they were
 * recorded. Answers of one viewer are recorded one at a time on an instance, so its budget holds
 * there exactly; across instances two answers at the same moment can each spend the last place.
 */
@Component
class BlindMatchLedger implements BlindMatches {

    private static final Logger log = LoggerFactory.getLogger(BlindMatchLedger.class);

    private final RevealStore store;
    private final NoticeProducer notices;
    private final BlindMatchProperties properties;
    private final RevealCache cache;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Object> viewerLocks = new ConcurrentHashMap<>();

    BlindMatchLedger(RevealStore store, NoticeProducer notices, BlindMatchProperties properties) {
        this.store = store;
        this.notices = notices;
        this.properties = properties;
        this.cache = new RevealCache(properties.cacheSize());
    }

    @Override
    public BlindDisclosure disclose(Principal viewer, Collection<BlindReveal> asked) {
        List<BlindReveal> reveals = asked.stream().filter(reveal -> !reveal.owner().equals(viewer.id())).toList();
        if (!properties.enabled() || reveals.isEmpty()) {
            return BlindDisclosure.all(List.copyOf(asked), properties.dailyBudget());
        }
        Instant now = clock.instant();
        LocalDate day = Reveal.dayOf(now);
        Map<String, Reveal> byId = new LinkedHashMap<>();
        reveals.forEach(reveal -> {
            Reveal counted = new Reveal(viewer.id(), reveal, day);
            byId.putIfAbsent(counted.id(), counted);
        });
        Map<String, Boolean> withheld = known(byId.keySet());
        if (withheld.size() < byId.size()) {
            synchronized (viewerLocks.computeIfAbsent(viewer.id(), id -> new Object())) {
                // Another answer of this viewer may have recorded some while this one waited.
                withheld.putAll(known(byId.keySet()));
                List<Reveal> unknown = byId.values().stream().filter(r -> !withheld.containsKey(r.id())).toList();
                if (!unknown.isEmpty()) {
                    withheld.putAll(record(viewer, unknown, day, now));
                }
            }
        }
        List<BlindReveal> shown = new ArrayList<>();
        List<BlindReveal> kept = new ArrayList<>();
        for (BlindReveal reveal : asked.stream().distinct().toList()) {
            // The viewer's own sightings are not blind: nothing to count, nothing to withhold.
            boolean out = !reveal.owner().equals(viewer.id())
                    && withheld.getOrDefault(new Reveal(viewer.id(), reveal, day).id(), true);
            (out ? kept : shown).add(reveal);
        }
        return new BlindDisclosure(shown, kept, properties.dailyBudget());
    }

    private Map<String, Boolean> known(Collection<String> ids) {
        Map<String, Boolean> known = new HashMap<>();
        ids.forEach(id -> cache.withheld(id).ifPresent(out -> known.put(id, out)));
        return known;
    }

    /** Records the reveals this instance does not know; answers whether each is withheld. */
    private Map<String, Boolean> record(Principal viewer, List<Reveal> unknown, LocalDate day, Instant now) {
        long room = Math.max(0, properties.dailyBudget() - store.shownOn(viewer.id(), day));
        Map<String, RevealDocument> documents = new LinkedHashMap<>();
        for (Reveal reveal : unknown) {
            documents.put(reveal.id(), RevealDocument.of(reveal, now, documents.size() >= room));
        }
        Set<String> existing = new HashSet<>(store.create(documents.values()));
        Map<String, Boolean> earlier = store.withheld(existing);
        Map<String, Boolean> withheld = new HashMap<>();
        List<OwnerNotices.Recorded> recorded = new ArrayList<>();
        for (Reveal reveal : unknown) {
            boolean out = existing.contains(reveal.id())
                    ? earlier.getOrDefault(reveal.id(), true)
                    : documents.get(reveal.id()).withheld();
            withheld.put(reveal.id(), out);
            cache.remember(reveal.id(), out);
            if (!existing.contains(reveal.id())) {
                recorded.add(new OwnerNotices.Recorded(reveal, out));
            }
        }
        long withheldCount = recorded.stream().filter(OwnerNotices.Recorded::withheld).count();
        if (withheldCount > 0) {
            log.info("Blind matches of {}: daily budget of {} spent, {} new ones withheld", viewer.id(),
                    properties.dailyBudget(), withheldCount);
        }
        notices.send(OwnerNotices.of(viewer, recorded, properties, now));
        return withheld;
    }
}
