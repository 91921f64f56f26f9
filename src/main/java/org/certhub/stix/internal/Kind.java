package org.certhub.stix.internal;

/** The categories of STIX objects, which decide the common properties and allowed reference targets. */
enum Kind {
    /** STIX Domain Object. */
    SDO,
    /** STIX Relationship Object (relationship, sighting). */
    SRO,
    /** STIX Cyber-observable Object. */
    SCO,
    /** marking-definition, language-content, extension-definition, and the bundle wrapper. */
    META,
    /** A type the specification does not define. */
    CUSTOM
}
