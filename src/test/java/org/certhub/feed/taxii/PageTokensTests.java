package org.certhub.feed.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.certhub.feed.FeedProperties;
import org.certhub.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTokensTests {

    private static final PageTokens.Binding COMMUNITY = new PageTokens.Binding("c-1", "uz-cert", "objects|filter");
    private static final List<FieldValue> AFTER = List.of(FieldValue.of(1_764_000_000_123_456_000L),
            FieldValue.of("malware--1"), FieldValue.of("kz-cert"), FieldValue.of(1_700_000_000_000L));

    @TempDir
    Path data;

    @Test
    void aTokenContinuesTheListingItWasIssuedFor() {
        PageTokens tokens = tokens("0123456789abcdef0123456789abcdef");
        assertThat(texts(tokens.decode(tokens.encode(COMMUNITY, AFTER), COMMUNITY))).isEqualTo(texts(AFTER));
    }

    @Test
    void aTokenIsRefusedForAnotherCollectionPrincipalOrListing() {
        PageTokens tokens = tokens("0123456789abcdef0123456789abcdef");
        String token = tokens.encode(COMMUNITY, AFTER);
        for (PageTokens.Binding other : List.of(new PageTokens.Binding("c-2", "uz-cert", "objects|filter"),
                new PageTokens.Binding("c-1", "kg-cert", "objects|filter"),
                new PageTokens.Binding("c-1", "uz-cert", "objects|other"),
                // the parts are length-prefixed: moving a boundary is another binding
                new PageTokens.Binding("c-1u", "z-cert", "objects|filter"))) {
            assertThatThrownBy(() -> tokens.decode(token, other)).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAlteredIsRefused() {
        String token = tokens("0123456789abcdef0123456789abcdef").encode(COMMUNITY, AFTER);
        PageTokens otherHub = tokens("fedcba9876543210fedcba9876543210");
        assertThatThrownBy(() -> otherHub.decode(token, COMMUNITY)).isInstanceOf(ProblemException.class);
        PageTokens tokens = tokens("0123456789abcdef0123456789abcdef");
        String altered = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThatThrownBy(() -> tokens.decode(altered, COMMUNITY)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> tokens.decode("not-a-token", COMMUNITY)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aGeneratedKeyIsKeptPrivatelySoTokensSurviveARestart() throws Exception {
        Path file = data.resolve("feed-token-secret");
        String token = new PageTokens(new PageTokenKey(properties(null, file))).encode(COMMUNITY, AFTER);
        PageTokens restarted = new PageTokens(new PageTokenKey(properties(null, file)));
        assertThat(texts(restarted.decode(token, COMMUNITY))).isEqualTo(texts(AFTER));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyMustBeLongEnough() {
        assertThatThrownBy(() -> properties("short", data.resolve("unused"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> texts(List<FieldValue> values) {
        return values.stream().map(FieldValue::_toJsonString).toList();
    }

    private PageTokens tokens(String secret) {
        return new PageTokens(new PageTokenKey(properties(secret, data.resolve("unused"))));
    }

    private static FeedProperties properties(String secret, Path file) {
        return new FeedProperties(null, true, secret, file, new FeedProperties.Taxii("t", 1000),
                new FeedProperties.Kafka(true, "certhub.feed.", 1, java.time.Duration.ofDays(1)));
    }
}
