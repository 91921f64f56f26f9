package org.certhub.playbook.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one check of a playbook text, used at start-up, on every reload, by the validation API and by
 * the test over {@code playbooks/}: YAML syntax, then the JSON Schema, then the semantic rules.
 */
public final class PlaybookValidator {

    private PlaybookValidator() {
    }

    /** The outcome: the playbook when the text is valid, otherwise every error found, with its position. */
    public record Result(Optional<Playbook> playbook, List<PlaybookError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return playbook.isPresent();
        }
    }

    public static Result validate(String text) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(text);
        } catch (YamlTree.Invalid e) {
            return new Result(Optional.empty(), List.of(e.error()));
        }
        List<PlaybookError> errors = new ArrayList<>(PlaybookSchema.check(tree));
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        Optional<Playbook> playbook = PlaybookReader.read(tree, errors);
        return new Result(playbook, errors);
    }
}
