package org.certhub.stix.internal;

/** The open vocabularies of STIX 2.1 (section 10): other values are allowed, with a warning. */
final class Vocabularies {

    static final Vocab ACCOUNT_TYPE = Vocab.open("account-type-ov",
            "facebook", "ldap", "nis", "openid", "radius", "skype", "tacacs", "twitter", "unix",
            "windows-local", "windows-domain");

    static final Vocab ATTACK_MOTIVATION = Vocab.open("attack-motivation-ov",
            "accidental", "coercion", "dominance", "ideology", "notoriety", "organizational-gain",
            "personal-gain", "personal-satisfaction", "revenge", "unpredictable");

    static final Vocab ATTACK_RESOURCE_LEVEL = Vocab.open("attack-resource-level-ov",
            "individual", "club", "contest", "team", "organization", "government");

    static final Vocab GROUPING_CONTEXT = Vocab.open("grouping-context-ov",
            "suspicious-activity", "malware-analysis", "unspecified");

    static final Vocab HASH_ALGORITHM = Vocab.open("hash-algorithm-ov",
            "MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512", "SSDEEP", "TLSH");

    static final Vocab IDENTITY_CLASS = Vocab.open("identity-class-ov",
            "individual", "group", "system", "organization", "class", "unknown");

    static final Vocab IMPLEMENTATION_LANGUAGE = Vocab.open("implementation-language-ov",
            "applescript", "bash", "c", "c++", "c#", "go", "java", "javascript", "lua", "objective-c", "perl",
            "php", "powershell", "python", "ruby", "scala", "swift", "typescript", "visual-basic", "x86-32",
            "x86-64");

    static final Vocab INDICATOR_TYPE = Vocab.open("indicator-type-ov",
            "anomalous-activity", "anonymization", "benign", "compromised", "malicious-activity", "attribution",
            "unknown");

    static final Vocab INDUSTRY_SECTOR = Vocab.open("industry-sector-ov",
            "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction",
            "defense", "education", "energy", "engineering", "entertainment", "financial-services", "government",
            "emergency-services", "government-local", "government-national", "government-public-services",
            "government-regional", "healthcare", "hospitality-leisure", "infrastructure", "dams", "nuclear",
            "water", "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals", "retail",
            "technology", "telecommunications", "transportation", "utilities");

    static final Vocab INFRASTRUCTURE_TYPE = Vocab.open("infrastructure-type-ov",
            "amplification", "anonymization", "botnet", "command-and-control", "control-system", "exfiltration",
            "firewall", "hosting-malware", "hosting-target-lists", "phishing", "reconnaissance", "routers-switches",
            "staging", "workstation", "unknown");

    static final Vocab MALWARE_RESULT = Vocab.open("malware-result-ov",
            "malicious", "suspicious", "benign", "unknown");

    static final Vocab MALWARE_CAPABILITIES = Vocab.open("malware-capabilities-ov",
            "accesses-remote-machines", "anti-debugging", "anti-disassembly", "anti-emulation",
            "anti-memory-forensics", "anti-sandbox", "anti-vm", "captures-input-peripherals",
            "captures-output-peripherals", "captures-system-state-data", "cleans-traces-of-infection",
            "commits-fraud", "communicates-with-c2", "compromises-data-availability",
            "compromises-data-integrity", "compromises-system-availability", "controls-local-machine",
            "degrades-security-software", "degrades-system-updates", "determines-c2-server", "emails-spam",
            "escalates-privileges", "evades-av", "exfiltrates-data", "fingerprints-host", "hides-artifacts",
            "hides-executing-code", "infects-files", "infects-remote-machines", "installs-other-components",
            "persists-after-system-reboot", "prevents-artifact-access", "prevents-artifact-deletion",
            "probes-network-environment", "self-modifies", "steals-authentication-credentials",
            "violates-system-operational-integrity");

    static final Vocab MALWARE_TYPE = Vocab.open("malware-type-ov",
            "adware", "backdoor", "bot", "bootkit", "ddos", "downloader", "dropper", "exploit-kit", "keylogger",
            "ransomware", "remote-access-trojan", "resource-exploitation", "rogue-security-software", "rootkit",
            "screen-capture", "spyware", "trojan", "unknown", "virus", "webshell", "wiper", "worm");

    static final Vocab PATTERN_TYPE = Vocab.open("pattern-type-ov",
            "stix", "pcre", "sigma", "snort", "suricata", "yara");

    static final Vocab PROCESSOR_ARCHITECTURE = Vocab.open("processor-architecture-ov",
            "alpha", "arm", "ia-64", "mips", "powerpc", "sparc", "x86", "x86-64");

    static final Vocab REGION = Vocab.open("region-ov",
            "africa", "eastern-africa", "middle-africa", "northern-africa", "southern-africa", "western-africa",
            "americas", "latin-america-caribbean", "south-america", "caribbean", "central-america",
            "northern-america", "asia", "central-asia", "eastern-asia", "southern-asia", "south-eastern-asia",
            "western-asia", "europe", "eastern-europe", "northern-europe", "southern-europe", "western-europe",
            "oceania", "australia-new-zealand", "melanesia", "micronesia", "polynesia", "antarctica");

    static final Vocab REPORT_TYPE = Vocab.open("report-type-ov",
            "attack-pattern", "campaign", "identity", "indicator", "intrusion-set", "malware", "observed-data",
            "threat-actor", "threat-report", "tool", "vulnerability");

    static final Vocab THREAT_ACTOR_TYPE = Vocab.open("threat-actor-type-ov",
            "activist", "competitor", "crime-syndicate", "criminal", "hacker", "insider-accidental",
            "insider-disgruntled", "nation-state", "sensationalist", "spy", "terrorist", "unknown");

    static final Vocab THREAT_ACTOR_ROLE = Vocab.open("threat-actor-role-ov",
            "agent", "director", "independent", "infrastructure-architect", "infrastructure-operator",
            "malware-author", "sponsor");

    static final Vocab THREAT_ACTOR_SOPHISTICATION = Vocab.open("threat-actor-sophistication-ov",
            "none", "minimal", "intermediate", "advanced", "expert", "innovator", "strategic");

    static final Vocab TOOL_TYPE = Vocab.open("tool-type-ov",
            "denial-of-service", "exploitation", "information-gathering", "network-capture",
            "credential-exploitation", "remote-access", "vulnerability-scanning", "unknown");

    static final Vocab WINDOWS_PEBINARY_TYPE = Vocab.open("windows-pebinary-type-ov", "dll", "exe", "sys");

    private Vocabularies() {
    }
}
