package org.certhub.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body into a JSON tree within the configured limits, so that an oversized, too
 * deep or malformed body is refused with a precise problem before anything else looks at it. Public
 * for the other submission path, TAXII's "add objects", which must hold to the same limits.
 */
@Component
public class BundleReader {

    private final IntakeProperties limits;
    private final JsonMapper json;

    BundleReader(IntakeProperties limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxBodySize().toBytes())
                        .build())
                // STIX forbids duplicate property names; last-one-wins would hide what was sent.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = JsonMapper.builder(factory).build();
    }

    /**
     * The body as JSON, or a {@link ProblemException}: 413 over a limit, 400 when malformed.
     *
     * @param declaredLength the request's Content-Length, -1 when unknown
     */
    public JsonNode read(InputStream body, long declaredLength) {
        long max = limits.maxBodySize().toBytes();
        if (declaredLength > max) {
            throw tooLarge("bundle-too-large", "max-body-size",
                    "The body is " + declaredLength + " bytes; at most " + max + " are accepted.");
        }
        byte[] bytes = readAtMost(body, max);
        try {
            return json.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw constraintViolated(e);
        } catch (JacksonException e) {
            throw malformed(e.getLocation());
        }
    }

    byte[] readAtMost(InputStream body, long max) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge("bundle-too-large", "max-body-size", "The body exceeds " + max + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "Unreadable request", "The request body could not be read completely."));
        }
    }

    private ProblemException constraintViolated(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase();
        if (message.contains("nesting depth")) {
            return tooLarge("bundle-too-deep", "max-depth",
                    "The JSON nests deeper than " + limits.maxDepth() + " levels.");
        }
        if (message.contains("string value length")) {
            return tooLarge("string-too-long", "max-string-length",
                    "A string value is longer than " + limits.maxStringLength() + " characters.");
        }
        return tooLarge("bundle-too-large", "max-body-size", "The body exceeds the intake's limits.");
    }

    private static ProblemException tooLarge(String slug, String rule, String detail) {
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.CONTENT_TOO_LARGE, slug,
                "Submission too large", detail), List.of(new ProblemError("", rule, detail)));
        return new ProblemException(problem);
    }

    private static ProblemException malformed(TokenStreamLocation location) {
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                "Malformed JSON", "The body is not valid JSON" + where + "."),
                List.of(new ProblemError("", "json-syntax", "not valid JSON" + where)));
        return new ProblemException(problem);
    }
}
