package org.certhub.tenancy.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.certhub.tenancy.Community;
import org.certhub.tenancy.Contacts;
import org.certhub.tenancy.Principal;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's view of the tenancy topic: the latest record of each principal, and an index from
 * key id to principal for O(1) key checks. Records are applied from two sides (the topic follower,
 * and this instance's own acknowledged writes), so each principal keeps the offset of what it shows
 * and an older record never overwrites a newer one.
 */
@Component
public class TenancyView implements Community {

    /**
     * The lifecycle phase in which the view is filled from the topic, before the web server's
     * ({@code DEFAULT_PHASE - 2048}); what needs the whole community at start-up starts after it.
     */
    public static final int LOADING_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** A principal's latest record; empty after a tombstone (kept, so its offset is too). */
    private record Latest(long offset, Optional<StoredPrincipal> record) {
    }

    private final Map<String, Latest> latest = new ConcurrentHashMap<>();
    private final Map<String, String> principalIdByKeyId = new ConcurrentHashMap<>();

    /** Applies the record at {@code offset} of the topic; a tombstone is an empty record. */
    public synchronized void apply(long offset, String principalId, Optional<StoredPrincipal> record) {
        Latest previous = latest.get(principalId);
        if (previous != null && previous.offset() >= offset) {
            return;
        }
        latest.put(principalId, new Latest(offset, record));
        if (previous != null) {
            previous.record().ifPresent(old -> old.keys().forEach(key -> principalIdByKeyId.remove(key.keyId())));
        }
        record.ifPresent(current -> current.keys().forEach(key -> principalIdByKeyId.put(key.keyId(), principalId)));
    }

    /** The stored record of a principal, with its key hashes. */
    public Optional<StoredPrincipal> stored(String principalId) {
        Latest entry = latest.get(principalId);
        return entry == null ? Optional.empty() : entry.record();
    }

    /** The principal holding the key with this id, if any. */
    public Optional<StoredPrincipal> holderOfKey(String keyId) {
        return Optional.ofNullable(principalIdByKeyId.get(keyId)).flatMap(this::stored)
                .filter(holder -> holder.key(keyId).isPresent());
    }

    /** Every stored principal, ordered by id. */
    public List<StoredPrincipal> storedPrincipals() {
        return latest.values().stream().flatMap(entry -> entry.record().stream())
                .sorted(Comparator.comparing(StoredPrincipal::id)).toList();
    }

    @Override
    public Optional<Principal> find(String principalId) {
        return stored(principalId).map(StoredPrincipal::principal);
    }

    @Override
    public Optional<Principal> findByIdentity(String identityId) {
        // A community has tens of principals: a scan is cheaper than keeping a second index right.
        return latest.values().stream().flatMap(entry -> entry.record().stream()).map(StoredPrincipal::principal)
                .filter(principal -> principal.identityId().equals(identityId)).findFirst();
    }

    @Override
    public List<Principal> principals() {
        return storedPrincipals().stream().map(StoredPrincipal::principal).toList();
    }

    @Override
    public Optional<Contacts> contacts(String principalId) {
        return stored(principalId).map(StoredPrincipal::contacts);
    }
}
