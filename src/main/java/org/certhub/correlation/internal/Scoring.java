package org.certhub.correlation.internal;

import java.util.Map;

/**
 * How strong a correlation is, 0 to 100: how specific the shared value is (a file hash names one
 * file, an ATT&CK technique is shared by thousands of unrelated incidents) times how broadly it is
 * shared (each further CERT counts fully, each further incident of a CERT already counted a quarter).
 * A containment (an address inside a reported network) counts less than the same value. The score
 * depends on the members alone, never on the time it is computed, so stored scores stay comparable.
 */
final class Scoring {

    private static final Map<String, Double> SPECIFICITY = Map.ofEntries(
            Map.entry("md5", 1.0), Map.entry("sha1", 1.0), Map.entry("sha256", 1.0), Map.entry("sha512", 1.0),
            Map.entry("url", 0.9), Map.entry("domain", 0.85), Map.entry("email", 0.85), Map.entry("ipv4", 0.8),
            Map.entry("ipv6", 0.8), Map.entry("mac", 0.7), Map.entry("cidr", 0.6), Map.entry("malware", 0.6),
            Map.entry("threat-actor", 0.6), Map.entry("cve", 0.4), Map.entry("asn", 0.3),
            Map.entry("attack-technique", 0.2), Map.entry(TechniqueTargets.TYPE, 0.35));
    private static final double CONTAINMENT = 0.7;

    private Scoring() {
    }

    static double score(Correlation correlation) {
        int certs = correlation.certs().size();
        int members = correlation.memberCount();
        if (members < 2) {
            return 0;
        }
        double breadth = 1 - 1 / (1 + (certs - 1) + 0.25 * (members - certs));
        double specificity = SPECIFICITY.getOrDefault(correlation.valueType(), 0.5);
        double rule = correlation.rule().equals(Correlation.CIDR_CONTAINMENT) ? CONTAINMENT : 1;
        return Math.round(1000 * specificity * breadth * rule) / 10.0;
    }
}
