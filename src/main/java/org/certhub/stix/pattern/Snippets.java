package org.certhub.stix.pattern;

/** Renders pieces of a pattern for error messages: hostile input must not blow up a message or a log line. */
final class Snippets {

    private static final int MAX_LENGTH = 40;

    private Snippets() {
    }

    /** @return the text in single quotes, shortened and with control characters escaped */
    static String quoted(CharSequence text) {
        int end = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(end + 8).append('\'');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX_LENGTH) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    static String quoted(char c) {
        return quoted(String.valueOf(c));
    }
}
