package org.certhub.playbook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/** The playbook format's JSON Schema ({@code playbook/playbook.schema.json}), checked on the YAML's tree. */
final class PlaybookSchema {

    static final String RESOURCE = "/playbook/playbook.schema.json";
    private static final Schema SCHEMA = load();

    private PlaybookSchema() {
    }

    static List<PlaybookError> check(YamlTree tree) {
        return SCHEMA.validate(tree.root()).stream().map(error -> toError(tree, error)).distinct().toList();
    }

    private static PlaybookError toError(YamlTree tree, Error error) {
        String pointer = pointer(error.getInstanceLocation());
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + error.getProperty();
        }
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        if (message.startsWith("$") && colon > 0) {
            message = message.substring(colon + 2);
        }
        return tree.error(pointer, "schema-" + error.getKeyword(), message);
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static Schema load() {
        try (InputStream in = PlaybookSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
