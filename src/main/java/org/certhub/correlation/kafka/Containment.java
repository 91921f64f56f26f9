package org.certhub.correlation.kafka;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certhub.correlation.ObservationRecorded;
import org.certhub.correlation.internal.Correlation;
import org.certhub.correlation.internal.CorrelationStore;
import org.certhub.correlation.internal.Member;
import org.certhub.correlation.internal.NetworkBreadth;
import org.certhub.correlation.internal.Suppression;
import org.certhub.stix.IpValues;

/**
 * IP-in-network containment, recorded on the network's correlation: each sighting of an address
 * inside a sighted network becomes a member of the network's correlation, marked with the address
 * it came through ({@code via}). Such a member carries only its address, never the network: it
 * does not make the network visible to anyone ({@code CorrelationViews}). A network broader than
 * configured ({@link NetworkBreadth}) gains no containment members in either direction. Per batch, one search finds the stored networks containing the
 * batch's addresses, and one the stored addresses inside the batch's networks. A network owned by
 * this batch is merged at once; another network's containment sightings are published on its own
 * key, so that only the thread that owns a correlation ever writes it.
 * <p>
 * Known gap: a network and an address inside it sighted within one index refresh (about a second)
 * of each other, on different partitions, do not see each other; the next sighting of either
 * links them.
 */
final class Containment {

    private static final String CIDR = "cidr";

    private final CorrelationStore store;
    private final Suppression suppression;
    private final NetworkBreadth breadth;
    private final int maxHits;

    Containment(CorrelationStore store, Suppression suppression, NetworkBreadth breadth, int maxHits) {
        this.store = store;
        this.suppression = suppression;
        this.breadth = breadth;
        this.maxHits = maxHits;
    }

    /**
     * Adds the batch's containment sightings to the networks it owns, in place.
     *
     * @return the containment sightings of networks owned elsewhere, to publish on their keys
     */
    List<ObservationRecorded> add(Map<String, List<ObservationRecorded>> byCorrelation) {
        List<ObservationRecorded> addresses = new ArrayList<>();
        Set<String> networks = new LinkedHashSet<>();
        for (List<ObservationRecorded> observations : byCorrelation.values()) {
            ObservationRecorded first = observations.get(0);
            if (suppression.allowListed(first.valueType(), first.value())) {
                continue;
            }
            switch (first.valueType()) {
                case "ipv4", "ipv6" -> addresses.addAll(observations);
                case CIDR -> {
                    // A network broader than configured still correlates with the same network
                    // reported by others, but contains nothing (see NetworkBreadth).
                    if (breadth.contains(first.value())) {
                        networks.add(first.value());
                    }
                }
                default -> { }
            }
        }
        List<ObservationRecorded> elsewhere = new ArrayList<>();
        if (!addresses.isEmpty()) {
            Set<String> containing = new LinkedHashSet<>(networks);
            Set<String> values = new LinkedHashSet<>();
            addresses.forEach(address -> values.add(address.value()));
            store.networksContaining(values, maxHits).stream()
                    .filter(network -> !suppression.allowListed(CIDR, network.value()) && breadth.contains(network.value()))
                    .forEach(network -> containing.add(network.value()));
            for (String network : containing) {
                for (ObservationRecorded address : addresses) {
                    if (IpValues.contains(network, address.value())) {
                        ObservationRecorded contained = new ObservationRecorded(ObservationRecorded.SCHEMA_VERSION, CIDR,
                                network, address.owner(), address.container(), address.objectId(), address.tlp(),
                                address.receivedAt(), address.value());
                        List<ObservationRecorded> owned = byCorrelation.get(Correlation.idOf(contained.key()));
                        if (owned != null) {
                            owned.add(contained);
                        } else {
                            elsewhere.add(contained);
                        }
                    }
                }
            }
        }
        if (!networks.isEmpty()) {
            for (Correlation address : store.addressesWithin(networks, maxHits)) {
                if (suppression.allowListed(address.valueType(), address.value())) {
                    continue;
                }
                for (String network : networks) {
                    if (IpValues.contains(network, address.value())) {
                        List<ObservationRecorded> owned = byCorrelation.get(Correlation.idOf(CIDR + ":" + network));
                        // One sighting per member is enough to make it a member; a network as wide as
                        // 0.0.0.0/0 must not turn into millions of sightings.
                        for (Member member : address.members().values()) {
                            if (owned.size() >= maxHits) {
                                break;
                            }
                            if (member.objectIds().isEmpty()) {
                                continue;
                            }
                            owned.add(new ObservationRecorded(ObservationRecorded.SCHEMA_VERSION, CIDR, network,
                                    member.owner(), member.container(), member.objectIds().get(0), member.tlp().label(),
                                    member.firstSeen(), address.value()));
                        }
                    }
                }
            }
        }
        return elsewhere;
    }
}
