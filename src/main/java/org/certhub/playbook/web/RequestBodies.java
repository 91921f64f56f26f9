package org.certhub.playbook.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;

/** Reads a request body of bounded size as UTF-8 text, answering 413 or 400 as problem+json. */
final class RequestBodies {

    private RequestBodies() {
    }

    static String text(InputStream body, long maxBytes) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new ProblemException(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                    "The body is larger than " + maxBytes + " bytes."));
        }
        if (bytes.length == 0) {
            throw invalid("", "required", "the body is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("", "encoding", "the body is not UTF-8 text");
        }
    }

    static ProblemException invalid(String pointer, String rule, String message) {
        return new ProblemException(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "Invalid request", "The request " + (pointer.isEmpty() ? "" : "'" + pointer + "' ") + message + "."),
                List.of(new ProblemError(pointer, rule, message))));
    }

    static ProblemException notFound(String what) {
        return new ProblemException(Problems.notFound(what));
    }
}
