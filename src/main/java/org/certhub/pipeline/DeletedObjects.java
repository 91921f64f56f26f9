package org.certhub.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Every owner's deletion the hub knows of: (owner, STIX id) to the latest time that owner deleted
 * the object. Filled by {@link DeletionsFollower} from the deletions topic; small, since deletions
 * are rare (one entry of a few hundred bytes per deleted object). A stage that reads the intake topic
 * asks it whether an object version it reads was deleted since; such a stage's listener is listed
 * in a {@link ListenersAwaitingIndices}, so that it starts only once every earlier deletion is known.
 */
@Component
public final class DeletedObjects {

    private record Key(String owner, String stixId) {
    }

    private final Map<Key, Instant> deletedAt = new ConcurrentHashMap<>();

    void record(ObjectDeleted deleted) {
        deletedAt.merge(new Key(deleted.owner(), deleted.stixId()), deleted.deletedAt(),
                (known, later) -> later.isAfter(known) ? later : known);
    }

    /** When the owner last deleted its copy of the object, if ever. */
    Optional<Instant> deletedAt(String owner, String stixId) {
        return Optional.ofNullable(deletedAt.get(new Key(owner, stixId)));
    }

    /**
     * Whether a version received at {@code receivedAt} was deleted: its owner deleted the object at
     * or after that time. A version received after the deletion is a new submission.
     */
    public boolean deletes(String owner, String stixId, Instant receivedAt) {
        return deletedAt(owner, stixId).filter(deleted -> !deleted.isBefore(receivedAt)).isPresent();
    }

    int size() {
        return deletedAt.size();
    }
}
