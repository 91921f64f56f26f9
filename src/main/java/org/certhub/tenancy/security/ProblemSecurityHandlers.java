package org.certhub.tenancy.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.certhub.web.ProblemResponses;
import org.certhub.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 in the hub's problem format. These run in the security filter chain, before any
 * controller, so the controller advice never sees them.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    /** 401 with an RFC 6750 challenge; {@code invalid_token} when a key was sent but is not valid. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String challenge = e instanceof BadCredentialsException
                ? "Bearer realm=\"certhub\", error=\"invalid_token\"" : "Bearer realm=\"certhub\"";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        problems.write(request, response, Problems.unauthorized());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, Problems.forbidden());
    }
}
