package org.certhub.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import org.junit.jupiter.api.Test;

class TextQueryTests {

    @Test
    void recognisesChineseAndJapaneseTermsButNotCyrillicOrLatinOnes() {
        assertThat(TextQuery.hasIdeographs("勒索软件")).isTrue();
        assertThat(TextQuery.hasIdeographs("APT41使用")).isTrue();
        assertThat(TextQuery.hasIdeographs("ランサムウェア")).isTrue();
        assertThat(TextQuery.hasIdeographs("фишинговая")).isFalse();
        assertThat(TextQuery.hasIdeographs("Қаржы")).isFalse();
        assertThat(TextQuery.hasIdeographs("ransomware")).isFalse();
    }

    @Test
    void requiresEachChineseTermAsAPhraseAndTheOtherWordsTogether() {
        BoolQuery bool = TextQuery.of("勒索软件  ransomware Фишинговая 攻击").bool();
        assertThat(bool.must()).hasSize(3);
        assertThat(bool.must().get(0).multiMatch().query()).isEqualTo("勒索软件");
        assertThat(bool.must().get(0).multiMatch().type()).isEqualTo(TextQueryType.Phrase);
        assertThat(bool.must().get(1).multiMatch().query()).isEqualTo("攻击");
        assertThat(bool.must().get(2).multiMatch().query()).isEqualTo("ransomware Фишинговая");
        assertThat(bool.must().get(2).multiMatch().type()).isEqualTo(TextQueryType.CrossFields);
        assertThat(bool.should()).hasSize(1);
    }

    @Test
    void aQueryWithoutTermsMatchesNothing() {
        assertThat(TextQuery.of("   ").bool().mustNot()).hasSize(1);
    }
}
