package org.certhub.leak;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console as a person of one CERT reads it after signing in: dashboard, search (text, values,
 * a pasted list), correlations (lists, every value's correlation and its graph JSON), every object
 * page, notifications, runs (list and every run known).
 */
final class ConsoleReads {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Reading reading;
    private final String viewer;
    private final String cookie;

    private ConsoleReads(Reading reading, String viewer, String cookie) {
        this.reading = reading;
        this.viewer = viewer;
        this.cookie = cookie;
    }

    static ConsoleReads signIn(Reading reading, Community.ConsoleUser user) {
        Reply form = reading.hub().page("/console/login", null);
        String anonymous = cookie(form);
        Reply signedIn = reading.hub().form("/console/login", anonymous, "username=" + Hub.encode(user.username())
                + "&password=" + Hub.encode(user.password()) + "&_csrf=" + Hub.encode(csrf(form)));
        if (signedIn.status() != 302 || signedIn.header("Location").contains("error")) {
            throw new IllegalStateException("console sign-in refused for " + user.username() + ": " + signedIn.status());
        }
        return new ConsoleReads(reading, user.principal(), cookie(signedIn));
    }

    void read() {
        page("/console", "console dashboard");
        Reply search = page("/console/search?q=LEAKMARK", "console search?q=");
        page("/console/correlations", "console correlations");
        page("/console/correlations?sort=score", "console correlations");
        page("/console/notifications", "console notifications");
        page("/console/notifications?acknowledged=true", "console notifications");
        page("/console/runs", "console runs");
        Viewer who = reading.viewer(viewer);
        for (Observable value : reading.world().allValues()) {
            page("/console/search?value=" + Hub.encode(value.value()), "console search?value=", value.value());
            page("/console/correlations?value=" + Hub.encode(value.value()), "console correlations?value=", value.value());
            String id = Oracle.correlationId(value);
            Reply detail = page("/console/correlations/" + id, "console correlations/{id}", id);
            Reply graph = page("/console/correlations/" + id + "/graph", "console correlations/{id}/graph", id);
            if (!reading.oracle().seesValue(who, value)) {
                String missing = id.substring(0, 32) + new StringBuilder(id.substring(32)).reverse();
                reading.sameAsMissing(viewer, "console correlations/{id}", "correlation-id:" + value.type(), id, detail, id,
                        reading.hub().page("/console/correlations/" + missing, cookie), missing);
                reading.sameAsMissing(viewer, "console correlations/{id}/graph", "correlation-id:" + value.type(), id, graph, id,
                        reading.hub().page("/console/correlations/" + missing + "/graph", cookie), missing);
            }
        }
        for (SharedObject object : reading.world().objects()) {
            Reply shown = page("/console/objects/" + object.id(), "console objects/{id}", object.id());
            if (!Oracle.sees(who, object)) {
                String missing = Reading.missingLike(object.id());
                reading.sameAsMissing(viewer, "console objects/{id}", object.type() + "-id", object.uuid(), shown, object.id(),
                        reading.hub().page("/console/objects/" + missing, cookie), missing);
            }
        }
        for (String run : reading.runIds) {
            page("/console/runs/" + run, "console runs/{id}");
        }
        // networks are left out of the pasted list, so that a network shown as containing a pasted address is not
        // mistaken for the page's echo of what was pasted (every pasted value is given back, found or not)
        List<String> values = reading.world().allValues().stream().filter(value -> !value.type().equals("cidr"))
                .map(Observable::value).toList();
        Reply pasted = reading.hub().form("/console/search/observables", cookie,
                "values=" + Hub.encode(String.join("\n", values)) + "&_csrf=" + Hub.encode(csrf(search)));
        reading.check(viewer, "console search/observables", pasted, values.toArray(String[]::new));
    }

    private Reply page(String path, String label, String... askedFor) {
        return reading.check(viewer, label, reading.hub().page(path, cookie), askedFor);
    }

    private static String csrf(Reply page) {
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return token.group(1);
    }

    private static String cookie(Reply reply) {
        String set = reply.header("Set-Cookie");
        return set.isEmpty() ? "" : set.substring(0, set.indexOf(';'));
    }
}
