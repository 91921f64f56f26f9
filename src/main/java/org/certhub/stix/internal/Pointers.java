package org.certhub.stix.internal;

/** Builds RFC 6901 JSON Pointers. */
final class Pointers {

    private Pointers() {
    }

    /** @return the pointer to member {@code name} of the value at {@code parent} */
    static String child(String parent, String name) {
        return parent + '/' + escape(name);
    }

    /** @return the pointer to element {@code index} of the array at {@code parent} */
    static String index(String parent, int index) {
        return parent + '/' + index;
    }

    /** RFC 6901: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    static String escape(String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }
}
