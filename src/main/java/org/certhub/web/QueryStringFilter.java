package org.certhub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything else reads it, a request whose query string (or form body) is not text:
 * a percent-escape that is malformed or decodes to bytes that are not UTF-8 (an encoded surrogate,
 * an overlong form, a cut sequence). Every parameter of every route is checked here, so a new
 * parameter cannot forget it; the answer is a 400 problem naming the parameter (the TAXII error
 * resource under {@code /taxii2/}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class QueryStringFilter extends OncePerRequestFilter {

    private final ProblemResponses responses;

    QueryStringFilter(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProblemError> error = firstError(request.getQueryString());
        if (error.isEmpty() && isForm(request)) {
            error = firstUnpairedSurrogate(request.getParameterMap());
        }
        if (error.isPresent()) {
            ProblemError found = error.get();
            responses.write(request, response, Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "Invalid parameter", "The parameter '" + found.pointer() + "' " + found.message() + "."), List.of(found)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter of a raw query string that does not decode to UTF-8 text. */
    static Optional<ProblemError> firstError(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            Optional<String> name = decode(rawName);
            String shown = name.filter(n -> !n.isEmpty() && n.length() <= 64).orElse("query");
            if (name.isEmpty()) {
                return Optional.of(notText(shown));
            }
            if (equals >= 0 && decode(pair.substring(equals + 1)).isEmpty()) {
                return Optional.of(notText(shown));
            }
        }
        return Optional.empty();
    }

    private static ProblemError notText(String name) {
        return new ProblemError(name, "utf-8", "must be percent-encoded UTF-8 text");
    }

    /** The text of a percent-encoded value ('+' is a space), empty when it is not UTF-8. */
    static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                // Octets sent without percent-encoding reach us one char each (ISO-8859-1): the same bytes.
                bytes.write(c);
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    /** A form body is decoded by the container, which lets an encoded surrogate through as a lone surrogate. */
    private static Optional<ProblemError> firstUnpairedSurrogate(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey().length() <= 64 && !broken(parameter.getKey()) ? parameter.getKey() : "form";
            if (broken(parameter.getKey())) {
                return Optional.of(notText(name));
            }
            for (String value : parameter.getValue()) {
                if (broken(value)) {
                    return Optional.of(notText(name));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean broken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
