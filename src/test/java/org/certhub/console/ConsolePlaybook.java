package org.certhub.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The console tests' playbook: on a correlation of an IPv4 address across two countries, tell the
 * affected CERTs and wait for all of them to acknowledge. Its versions differ only in their number
 * and deadline, and its description is hostile (a script), to be shown as text.
 */
final class ConsolePlaybook {

    static final String ID = "console-shared-c2";
    static final String HOSTILE_DESCRIPTION = "<script>window.certhubPwned = 3</script>";

    private ConsolePlaybook() {
    }

    static void write(Path directory, int version, String within) throws IOException {
        String yaml = """
                id: %s
                title: Shared C2 server
                version: %d
                description: "%s"
                owner: kz-cert
                trigger:
                  on: correlation
                  when:
                    min-certs: 2
                    min-countries: 2
                    observable-types: [ipv4]
                steps:
                  - id: alert
                    type: notify
                    recipients: [affected-certs]
                    channels: [kafka]
                    message:
                      subject: "Shared C2 server {{subject.id}}"
                      text: "Seen by {{subject.certs}}; acknowledge by {{ack.deadline}}"
                  - id: wait
                    type: expect-ack
                    from: alert
                    require: all
                    within: %s
                """.formatted(ID, version, HOSTILE_DESCRIPTION, within);
        Path dir = Files.createDirectories(directory.resolve(ID));
        Path temporary = Files.createTempFile(dir, "v" + version, ".tmp");
        Files.writeString(temporary, yaml);
        Files.move(temporary, dir.resolve("v" + version + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
