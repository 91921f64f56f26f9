package org.certhub.playbook.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's message: plain text with {@code {{variable}}} placeholders. The variables name what the
 * hub knows of the run and its subject; those that carry the subject's content are filled only for
 * recipients who may see it.
 */
public final class MessageTemplate {

    /** Variables that carry the subject's content (its marking applies). */
    public static final Set<String> CONTENT = Set.of("subject.title", "subject.description", "subject.value");
    /** Variables about the run and the community (CERT names, counts, ids). */
    public static final Set<String> METADATA = Set.of("playbook.id", "playbook.title", "playbook.version",
            "run.id", "subject.kind", "subject.id", "subject.tlp", "subject.types", "subject.severity",
            "subject.sectors", "subject.countries", "subject.certs", "subject.score", "subject.observable-types",
            "subject.techniques", "ack.deadline", "recipient");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.-]+)\\s*}}");

    private MessageTemplate() {
    }

    /** The placeholders that are not variables. */
    static List<String> unknownVariables(String template) {
        return variables(template).stream().filter(name -> !CONTENT.contains(name) && !METADATA.contains(name)).toList();
    }

    /** The placeholders a template uses. */
    static Set<String> variables(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static String render(String template, Map<String, String> values, Function<String, String> withheld) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.containsKey(name) ? values.get(name) : withheld.apply(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
