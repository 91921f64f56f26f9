package org.certhub.search;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;

/**
 * Free text over names and descriptions, built for the one analyzer every Elasticsearch has (the
 * distribution the hub embeds has no analysis-common and no ICU plugin): {@code standard}, which
 * lower-cases Cyrillic and Latin words (Unicode case folding, so "Фишинговая" is found by
 * "фишинговая") and splits Chinese and Japanese ideographs into one token per character.
 * <p>
 * So a query is read as whitespace-separated terms, all required: a term with ideographs must
 * occur as that exact sequence of characters (a phrase over its single-character tokens: "勒索软件"
 * does not find a text that has 勒索 and 软件 apart), the other words each in the name or the
 * description (cross-fields, any order). Names weigh twice as much as descriptions, and a text
 * holding the whole query as one phrase ranks above one holding its words apart.
 */
final class TextQuery {

    static final String[] FIELDS = {"name^2", "description"};

    private TextQuery() {
    }

    static Query of(String text) {
        List<String> sequences = new ArrayList<>();
        StringBuilder words = new StringBuilder();
        for (String term : text.strip().split("\\s+")) {
            if (hasIdeographs(term)) {
                sequences.add(term);
            } else if (!term.isEmpty()) {
                words.append(words.isEmpty() ? "" : " ").append(term);
            }
        }
        return Query.of(q -> q.bool(b -> {
            sequences.forEach(sequence -> b.must(m -> m.multiMatch(mm -> mm.query(sequence).type(TextQueryType.Phrase)
                    .fields(List.of(FIELDS)))));
            if (!words.isEmpty()) {
                b.must(m -> m.multiMatch(mm -> mm.query(words.toString()).type(TextQueryType.CrossFields)
                        .operator(Operator.And).fields(List.of(FIELDS))));
            }
            if (sequences.isEmpty() && words.isEmpty()) {
                b.mustNot(n -> n.matchAll(a -> a));
            }
            return b.should(s -> s.multiMatch(mm -> mm.query(text).type(TextQueryType.Phrase).fields(List.of(FIELDS))));
        }));
    }

    /** Han, Hiragana and Katakana: scripts the standard tokenizer does not cut into words. */
    static boolean hasIdeographs(String term) {
        return term.codePoints().anyMatch(c -> switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA -> true;
            default -> false;
        });
    }
}
