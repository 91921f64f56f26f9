package org.certhub.leak;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A response as a reader gets it: status, headers and body. */
record Reply(int status, Map<String, List<String>> headers, String body) {

    /** Everything a reader can see of the response, for the token scan. */
    String text() {
        return status + "\n" + headers + "\n" + body;
    }

    String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return String.join(",", header.getValue());
            }
        }
        return "";
    }

    /**
     * What may not differ between an invisible and a nonexistent thing: status, headers (but the
     * date and session cookies) and body, with the id asked for written as {@code {id}}.
     */
    String shape(String askedFor) {
        Map<String, List<String>> kept = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!lower.equals("date") && !lower.equals("set-cookie") && !lower.equals(":status")
                    && !lower.equals("keep-alive") && !lower.equals("connection")) {
                kept.put(lower, values.stream().map(value -> value.replace(askedFor, "{id}")).toList());
            }
        });
        // the console's CSRF token is masked anew for every response (BREACH): it says nothing about the thing asked for
        String page = body.replace(askedFor, "{id}").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
        return status + " " + kept + " " + page;
    }
}
