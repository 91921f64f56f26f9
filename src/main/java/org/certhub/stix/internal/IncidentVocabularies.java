package org.certhub.stix.internal;

/** Vocabularies of the Incident Core Extension 2.0 (OASIS CTI TC, 2023). */
final class IncidentVocabularies {

    static final Vocab DETERMINATION = Vocab.closed("incident-determination-enum",
            "blocked", "confirmed", "failed-attempt", "false-positive", "suspected");

    static final Vocab INVESTIGATION_STATUS = Vocab.open("incident-investigation-ov", "closed", "new", "open");

    static final Vocab RECOVERABILITY = Vocab.closed("recoverability-enum",
            "extended", "not-applicable", "not-recoverable", "regular", "supplemented");

    static final Vocab DETECTION_METHODS = Vocab.open("detection-methods-ov",
            "automated-tool", "commercial-solution", "external-notification", "human-review",
            "message-from-attacker", "proprietary-solution", "system-outage", "user-reporting");

    static final Vocab ENTITY_TYPE = Vocab.open("entity-type-ov",
            "computers-mobile", "computers-personal", "computers-server", "customer", "customer-individual",
            "customer-organization", "domain-controller", "employee", "group", "ics-actuator",
            "ics-engineering-workstation", "ics-historian", "ics-hmi", "ics-other", "ics-plc", "ics-safety-system",
            "ics-sensor", "individual", "network-device", "organization", "system", "vehicles");

    static final Vocab EVENT_TYPE = Vocab.open("event-type-ov",
            "aggregation-information-phishing-schemes", "benign", "blocked", "brute-force-attempt",
            "c&c-server-hosting", "compromised-system", "confirmed", "connection-malware-port",
            "connection-malware-system", "content-forbidden-by-law", "control-system-bypass",
            "copyrighted-content", "data-exfiltration", "deferred", "deletion-information", "denial-of-service",
            "destruction", "dictionary-attack-attempt", "discarded", "disruption-data-transmission",
            "dissemination-malware-email", "dissemination-phishing-emails", "dns-cache-poisoning",
            "dns-local-resolver-hijacking", "dns-spoofing-registered", "dns-rebinding", "dns-server-compromise",
            "dns-spoofing-unregistered", "dns-stub-resolver-hijacking", "dns-zone-transfer",
            "domain-name-compromise", "duplicate", "email-flooding", "equipment-loss", "equipment-theft",
            "exploit", "exploit-attempt", "exploit-framework-exhausting-resources",
            "exploit-tool-exhausting-resources", "failed", "file-inclusion", "file-inclusion-attempt",
            "hosting-malware-webpage", "hosting-phishing-sites", "illegitimate-use-name",
            "illegitimate-use-resources", "infected-by-known-malware", "insufficient-data", "known-malware",
            "lame-delegations", "major", "modification-information", "misconfiguration", "natural",
            "negotiation", "network-scanning", "no-apt", "packet-flood", "password-cracking-attempt",
            "policy-violation", "ransomware", "ransomware-payment", "refuted", "scan-probe", "silently-discarded",
            "supply-chain-customer", "supply-chain-vendor", "spam", "sql-injection", "sql-injection-attempt",
            "successful", "system-probe", "theft-access-credentials", "unattributed",
            "unauthorized-access-information", "unauthorized-access-system", "unauthorized-equipment",
            "unauthorized-release", "unauthorized-use", "undetermined", "unintentional", "unknown-apt",
            "unspecified", "vandalism", "wiretapping", "worm-spreading", "xss", "xss-attempt");

    private IncidentVocabularies() {
    }
}
