package org.certhub.correlation.blind;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One document of {@code certhub-blind-matches}: a reveal as recorded, with its id as document id.
 *
 * @param revealId {@link Reveal#id()}
 * @param viewer the principal id that was told (or would have been)
 * @param owner the principal id of the CERT whose restricted value it was
 * @param valueType the observable type's id
 * @param value the normalised value
 * @param tlp the level of the owner's member
 * @param day the UTC day, {@code yyyy-MM-dd}
 * @param revealedAt when it was first told that day
 * @param withheld true when the viewer's budget was spent and it was not told
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RevealDocument(
        @JsonProperty("reveal_id") String revealId,
        String viewer,
        String owner,
        @JsonProperty("value_type") String valueType,
        String value,
        String tlp,
        String day,
        @JsonProperty("revealed_at") Instant revealedAt,
        boolean withheld) {

    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static RevealDocument of(Reveal reveal, Instant at, boolean withheld) {
        return new RevealDocument(reveal.id(), reveal.viewer(), reveal.reveal().owner(), reveal.reveal().valueType(),
                reveal.reveal().value(), reveal.reveal().tlp().label(), reveal.day().toString(), at, withheld);
    }

    JsonNode toJson() {
        return JSON.valueToTree(this);
    }

    static RevealDocument fromJson(JsonNode source) {
        return JSON.treeToValue(source, RevealDocument.class);
    }
}
