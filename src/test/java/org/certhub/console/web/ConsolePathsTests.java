package org.certhub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsolePathsTests {

    @Test
    void sendsBackToAConsolePath() {
        assertThat(ConsolePaths.sameConsole("/console/correlations?sort=score")).isEqualTo("/console/correlations?sort=score");
    }

    @Test
    void neverSendsAnywhereElse() {
        assertThat(ConsolePaths.sameConsole("https://evil.example/console")).isEqualTo("/console");
        assertThat(ConsolePaths.sameConsole("//evil.example/console")).isEqualTo("/console");
        assertThat(ConsolePaths.sameConsole("/console\\@evil.example")).isEqualTo("/console");
        assertThat(ConsolePaths.sameConsole("/console\r\nSet-Cookie: x=y")).isEqualTo("/console");
        assertThat(ConsolePaths.sameConsole(null)).isEqualTo("/console");
    }
}
