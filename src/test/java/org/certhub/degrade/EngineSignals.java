package org.certhub.degrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.env.Environment;

/** Stops and resumes the embedded Elasticsearch of the test JVM, as an operator's SIGSTOP would. */
final class EngineSignals {

    private EngineSignals() {
    }

    static long elasticsearchPid(Environment environment) throws IOException {
        Path pidFile = Path.of(environment.getRequiredProperty("certhub.local.data-dir"), "run", "elasticsearch.pid");
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
