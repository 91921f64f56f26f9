package org.certhub.tenancy.admin;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords for the demo users: 18 bytes from a CSPRNG, URL-safe Base64 (24 characters). */
final class DemoPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPasswords() {
    }

    static String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
