package org.certhub.feed.taxii;

import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import jakarta.servlet.http.HttpServletRequest;
import org.certhub.web.ProblemError;
import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What every TAXII endpoint shares: negotiation, {@code limit}, {@code next} and the date-added headers. */
final class TaxiiResponses {

    static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private TaxiiResponses() {
    }

    static ResponseEntity.BodyBuilder ok(HttpServletRequest request) {
        TaxiiMedia.requireAcceptable(request.getHeader(HttpHeaders.ACCEPT));
        return ResponseEntity.ok().contentType(TaxiiMedia.TYPE);
    }

    /** A page's answer: the date added of its first and last object as headers, when it has any. */
    static ResponseEntity.BodyBuilder page(HttpServletRequest request, CollectionStore.Page page) {
        ResponseEntity.BodyBuilder builder = ok(request);
        if (!page.entries().isEmpty()) {
            builder.header(DATE_ADDED_FIRST, TaxiiTimestamps.format(page.entries().get(0).dateAdded()));
            builder.header(DATE_ADDED_LAST, TaxiiTimestamps.format(page.lastEntry().get().dateAdded()));
        }
        return builder;
    }

    /** {@code limit}: a positive integer, capped to the server's page size. */
    static int limit(HttpServletRequest request, int max) {
        String value = request.getParameter("limit");
        if (value == null) {
            return max;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1) {
                return Math.min(limit, max);
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ObjectSelection.badRequest(List.of(new ProblemError("limit", "positive-integer",
                "limit must be a positive integer")));
    }

    static List<FieldValue> after(HttpServletRequest request, PageTokens tokens, PageTokens.Binding binding) {
        String next = request.getParameter("next");
        return next == null || next.isBlank() ? List.of() : tokens.decode(next.strip(), binding);
    }

    /** The {@code next} token of a page that has more. */
    static Optional<String> next(CollectionStore.Page page, PageTokens tokens, PageTokens.Binding binding) {
        return page.more() ? page.lastEntry().map(last -> tokens.encode(binding, last.sort())) : Optional.empty();
    }

    static ProblemException notFound(String what) {
        return new ProblemException(Problems.notFound(what));
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail));
    }
}
