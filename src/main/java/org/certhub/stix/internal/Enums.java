package org.certhub.stix.internal;

/** The closed vocabularies (enumerations) of STIX 2.1: any other value is an error. */
final class Enums {

    static final Vocab ENCRYPTION_ALGORITHM = Vocab.closed("encryption-algorithm-enum",
            "AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated");

    static final Vocab EXTENSION_TYPE = Vocab.closed("extension-type-enum",
            "new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension");

    static final Vocab NETWORK_SOCKET_ADDRESS_FAMILY = Vocab.closed("network-socket-address-family-enum",
            "AF_UNSPEC", "AF_INET", "AF_IPX", "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH");

    static final Vocab NETWORK_SOCKET_TYPE = Vocab.closed("network-socket-type-enum",
            "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET");

    static final Vocab OPINION = Vocab.closed("opinion-enum",
            "strongly-disagree", "disagree", "neutral", "agree", "strongly-agree");

    static final Vocab WINDOWS_INTEGRITY_LEVEL = Vocab.closed("windows-integrity-level-enum",
            "low", "medium", "high", "system");

    static final Vocab WINDOWS_REGISTRY_DATATYPE = Vocab.closed("windows-registry-datatype-enum",
            "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN",
            "REG_DWORD_LITTLE_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST",
            "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD", "REG_INVALID_TYPE");

    static final Vocab WINDOWS_SERVICE_START_TYPE = Vocab.closed("windows-service-start-type-enum",
            "SERVICE_AUTO_START", "SERVICE_BOOT_START", "SERVICE_DEMAND_START", "SERVICE_DISABLED",
            "SERVICE_SYSTEM_ALERT");

    static final Vocab WINDOWS_SERVICE_TYPE = Vocab.closed("windows-service-type-enum",
            "SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER", "SERVICE_WIN32_OWN_PROCESS",
            "SERVICE_WIN32_SHARE_PROCESS");

    static final Vocab WINDOWS_SERVICE_STATUS = Vocab.closed("windows-service-status-enum",
            "SERVICE_CONTINUE_PENDING", "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING",
            "SERVICE_START_PENDING", "SERVICE_STOP_PENDING", "SERVICE_STOPPED");

    private Enums() {
    }
}
