package org.certhub.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One STIX object the test submitted: its owner, its effective level (an unmarked object takes its
 * owner's default), the text markers of every version sent (name and description), the observable
 * values it carries, and the JSON template its versions are rendered from.
 */
final class SharedObject {

    static final String MARK = "%MARK%";
    static final String MODIFIED = "%MODIFIED%";

    private final String id;
    private final String owner;
    private final Level level;
    private final boolean marked;
    private final List<Observable> values;
    private final String template;
    private final Optional<String> incident;
    private final List<String> markers = new ArrayList<>();
    private boolean deleted;

    SharedObject(String id, String owner, Level level, boolean marked, List<Observable> values, String template,
            Optional<String> incident) {
        this.id = id;
        this.owner = owner;
        this.level = level;
        this.marked = marked;
        this.values = List.copyOf(values);
        this.template = template;
        this.incident = incident;
    }

    String id() {
        return id;
    }

    String type() {
        return id.substring(0, id.indexOf("--"));
    }

    /** The UUID part of the id: what the token scan finds, whatever is written around it. */
    String uuid() {
        return id.substring(id.indexOf("--") + 2);
    }

    String owner() {
        return owner;
    }

    Level level() {
        return level;
    }

    boolean marked() {
        return marked;
    }

    List<Observable> values() {
        return values;
    }

    /** The incident this object belongs to (itself for an incident), if any. */
    Optional<String> incident() {
        return incident;
    }

    List<String> markers() {
        return markers;
    }

    boolean deleted() {
        return deleted;
    }

    void delete() {
        deleted = true;
    }

    /** The JSON of a new version with a new marker. */
    String version(String marker, String modified) {
        markers.add(marker);
        return template.replace(MARK, marker).replace(MODIFIED, modified);
    }
}
