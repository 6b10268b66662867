package no.fyrtarn.infra;

import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request that says its body is {@code multipart/…} without a boundary ({@code multipart/form-data; boundary=}) is
 * a 400 naming Content-Type. Quarkus REST reads a form body before any endpoint's own checks, and its parser failed
 * on such a header with a StringIndexOutOfBoundsException, a 500 logged as our failure, also for a GET or a tracked
 * link. No endpoint takes multipart bodies; a scanner or a hand-built request sends such a header.
 */
public class MultipartBoundary {

    private static final String MULTIPART = "multipart/";
    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary\\s*=\\s*(\"[^\"]+\"|[^\\s;\"]+)",
            Pattern.CASE_INSENSITIVE);

    @ServerRequestFilter(preMatching = true)
    public void refuseWithoutBoundary(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.regionMatches(true, 0, MULTIPART, 0, MULTIPART.length())
                && !BOUNDARY.matcher(type).find()) {
            throw ProblemException.badRequest("Content-Type", Language.text("fyrtarn.multipart-boundary"));
        }
    }
}
