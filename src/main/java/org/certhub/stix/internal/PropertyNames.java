package org.certhub.stix.internal;

/** STIX 2.1 property-name rules (specification section 3.1 and, for custom properties, 11.1). */
final class PropertyNames {

    private PropertyNames() {
    }

    /**
     * Property names MUST be ASCII letters, digits and underscore, 3 to 250 characters ({@code id} excepted).
     * Custom property names should moreover be lowercase: a warning.
     *
     * @return false when the name is invalid (an error was reported)
     */
    static boolean check(String name, String pointer, Issues out) {
        if (name.equals("id")) {
            return true;
        }
        int n = name.length();
        boolean valid = n >= 3 && n <= 250;
        boolean upper = false;
        for (int i = 0; i < n && valid; i++) {
            char c = name.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            valid = Formats.isAlnum(c) || c == '_';
        }
        if (!valid) {
            out.error(pointer, "property-name", "property name " + Texts.quote(name)
                    + " must be 3 to 250 ASCII letters, digits or underscores");
            return false;
        }
        if (upper) {
            out.warn(pointer, "property-name", "custom property name " + Texts.quote(name)
                    + " should be lowercase (a-z, 0-9, _)");
        }
        return true;
    }
}
