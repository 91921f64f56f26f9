package org.certhub.stix.internal;

/** Key rules of the STIX dictionary type. */
final class Dictionaries {

    private Dictionaries() {
    }

    /** Dictionary keys MUST be ASCII a-z, A-Z, 0-9, hyphen and underscore, 1 to 250 characters. */
    static void checkKey(String key, String pointer, Issues out) {
        if (!isKey(key, 1)) {
            out.error(Pointers.child(pointer, key), "dictionary-key", "dictionary key " + Texts.quote(key)
                    + " must be 1 to 250 ASCII letters, digits, hyphens or underscores");
        }
    }

    static boolean isKey(String key, int minLength) {
        int n = key.length();
        if (n < minLength || n > 250) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!Formats.isAlnum(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }
}
