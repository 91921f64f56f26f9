package org.certhub.leak;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every candidate secret in a text, extracted once per response: UUIDs (the part of a STIX id that
 * is unique), text markers, URLs, IPv4 addresses and networks, {@code .example} names and hex
 * digests. Each is matched whole (an address is never found inside a longer one), so a secret is
 * found by exact set membership, and a response costs one regex pass whatever the number of secrets.
 * Texts with percent-escapes (links in console pages) are scanned decoded as well.
 */
final class Tokens {

    private static final Pattern TOKEN = Pattern.compile(
            "(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])"
                    + "|LEAKMARK-[0-9a-f]{12}"
                    + "|https?://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~-]*)*"
                    + "|(?<![0-9.])(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?:/[0-9]{1,2})?(?![0-9])"
                    + "|(?<![A-Za-z0-9.-])[a-z0-9][a-z0-9-]*\\.example(?![A-Za-z0-9-])"
                    + "|(?<![0-9a-f])(?:[0-9a-f]{64}|[0-9a-f]{32})(?![0-9a-f])");

    private Tokens() {
    }

    static Set<String> in(String text) {
        Set<String> tokens = new HashSet<>();
        collect(text, tokens);
        if (text.indexOf('%') >= 0) {
            try {
                collect(URLDecoder.decode(text, StandardCharsets.UTF_8), tokens);
            } catch (IllegalArgumentException notEncoded) {
                // a lone '%' in ordinary text: the plain scan above is all there is
            }
        }
        return tokens;
    }

    private static void collect(String text, Set<String> into) {
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group());
        }
    }
}
