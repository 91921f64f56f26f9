package org.certhub.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, for a request refused before any servlet could see it (a request line
 * or headers too long or malformed, a URL the security firewall refuses even on the error path):
 * the same problem (or, under {@code /taxii2/}, TAXII error) body as every other error, instead of
 * Tomcat's HTML page.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ProblemResponses responses;

    ContainerErrorReports(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                // A valve of the configured class already in the pipeline is used instead of a new one.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(responses));
            }
        });
    }

    /** Tomcat's error report, as a problem. */
    static final class ProblemReportValve extends ErrorReportValve {

        private final ProblemResponses responses;

        ProblemReportValve(ProblemResponses responses) {
            this.responses = responses;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.BAD_REQUEST;
            String detail = status.is5xxServerError() ? "The hub could not handle this request."
                    : "The request was refused before the hub could read it: its URL, request line or headers are"
                            + " malformed, contain characters that are not allowed, or are too long.";
            ProblemResponses.Rendered rendered = responses.render(request.getRequestURI(),
                    Problems.of(status, status.is5xxServerError() ? "internal-error" : "malformed-request",
                            status.getReasonPhrase(), detail));
            try {
                response.setContentType(rendered.mediaType());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(rendered.body());
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was committed meanwhile: nothing more to say.
            }
        }
    }
}
