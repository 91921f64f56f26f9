package org.certhub.feed.taxii;

import java.util.List;

import org.certhub.web.ProblemException;
import org.certhub.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** TAXII 2.1's one media type, and the 406/415 rules of its content negotiation. */
final class TaxiiMedia {

    static final String VALUE = "application/taxii+json;version=2.1";
    static final MediaType TYPE = MediaType.parseMediaType(VALUE);
    static final String STIX_VALUE = "application/stix+json;version=2.1";

    private TaxiiMedia() {
    }

    /**
     * 406 unless the Accept header admits TAXII 2.1. No Accept header, or a wildcard, is taken as
     * TAXII 2.1; {@code application/taxii+json} without a version means the newest, 2.1.
     */
    static void requireAcceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw notAcceptable();
        }
        if (types.stream().noneMatch(TaxiiMedia::admits)) {
            throw notAcceptable();
        }
    }

    /** 415 unless the body is declared as TAXII 2.1. */
    static void requireContentType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !isTaxii(type)) {
            throw new ProblemException(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "Send the objects as " + VALUE + "."));
        }
    }

    private static boolean admits(MediaType accepted) {
        if (accepted.isWildcardType() || accepted.getType().equals("application") && accepted.isWildcardSubtype()) {
            return true;
        }
        return isTaxii(accepted);
    }

    private static boolean isTaxii(MediaType type) {
        String version = type.getParameter("version");
        return type.getType().equals("application") && type.getSubtype().equals("taxii+json")
                && (version == null || version.equals("2.1"));
    }

    private static ProblemException notAcceptable() {
        return new ProblemException(Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This server answers in " + VALUE + " only."));
    }
}
