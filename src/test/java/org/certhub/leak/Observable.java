package org.certhub.leak;

/** An observable value as the hub normalises it ({@code ipv4}, {@code cidr}, {@code domain}, {@code url}, {@code sha256}, {@code md5}). */
record Observable(String type, String value) {

    /** The correlation key the hub derives ids from: {@code type:value}. */
    String key() {
        return type + ":" + value;
    }
}
