package no.fyrtarn.link;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import no.fyrtarn.infra.ProblemException;

/**
 * The public side of a tracked link. It answers from the cache on the event loop and hands the click to the
 * ClickRecorder: it never waits for a database write or for Kafka. Whether a click counts is the consumer's business.
 * A client address that scans for codes is refused codes not in memory for a while ({@link CodeScans}).
 */
@Path("/s/{code}")
@Tag(name = "Tracked links", description = "Public redirects behind shared links")
@PermitAll
public class RedirectResource {

    @Inject
    LinkCache cache;

    @Inject
    ClickRecorder clicks;

    @Inject
    ClientHasher clients;

    @Inject
    CodeScans scans;

    @Inject
    Clock clock;

    @Inject
    ClientAddress clientAddress;

    @GET
    @SecurityRequirementsSet
    @Operation(operationId = "followTrackedLink", summary = "Follow a tracked link to the post's URL",
            description = "302 to the post's URL with utm_source, utm_medium, utm_campaign and utm_content added. "
                    + "Link-preview bots and HEAD are redirected but not counted; a client counts once per 30 minutes. "
                    + "An unknown code is 404 problem+json, or an HTML page for a browser that asks for text/html.")
    @APIResponse(responseCode = "302", description = "Redirect to the post's URL",
            headers = @Header(name = "Location", description = "The post's URL with UTM parameters",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyUnknownCodes")
    public Uni<RestResponse<Void>> follow(@PathParam("code") String code, @Context HttpServerRequest request) {
        return redirect(code, "GET", request);
    }

    @HEAD
    @SecurityRequirementsSet
    @Operation(operationId = "headTrackedLink", summary = "Check a tracked link without following it (not counted)")
    @APIResponse(responseCode = "302", description = "Redirect to the post's URL",
            headers = @Header(name = "Location", description = "The post's URL with UTM parameters",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyUnknownCodes")
    public Uni<RestResponse<Void>> check(@PathParam("code") String code, @Context HttpServerRequest request) {
        return redirect(code, "HEAD", request);
    }

    private Uni<RestResponse<Void>> redirect(String code, String method, HttpServerRequest request) {
        if (!LinkCodes.isWellFormed(code)) {
            return Uni.createFrom().failure(unknown());
        }
        String address = clientAddress.of(request);
        CompletableFuture<Optional<LinkService.Target>> lookup = cache.cached(code);
        if (lookup == null) {
            Optional<Duration> wait = scans.refusal(address);
            if (wait.isPresent()) {
                return Uni.createFrom().failure(ProblemException.tooManyRequests(
                        "Too many unknown links from this address; try again later", wait.get()));
            }
            lookup = lookUp(code, address);
        }
        if (lookup.isDone() && !lookup.isCompletedExceptionally()) {
            // nearly every click: the code is cached, so answer now, without the plumbing a pending lookup needs
            return answer(lookup.join(), method, request, address);
        }
        return Uni.createFrom().completionStage(lookup).flatMap(found -> answer(found, method, request, address));
    }

    /** A code not in memory, from the database; an unknown one counts against its client's scan budget. */
    private CompletableFuture<Optional<LinkService.Target>> lookUp(String code, String address) {
        return cache.target(code).thenApply(found -> {
            if (found.isEmpty()) {
                scans.unknown(address);
            }
            return found;
        });
    }

    private Uni<RestResponse<Void>> answer(Optional<LinkService.Target> found, String method,
            HttpServerRequest request, String address) {
        if (found.isEmpty()) {
            return Uni.createFrom().failure(unknown());
        }
        var target = found.get();
        var now = clock.instant();
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        clicks.record(ClickEvent.of(target, now, clients.identify(address, userAgent, now), userAgent, method));
        return Uni.createFrom().item(RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.FOUND)
                .header(HttpHeaders.LOCATION, target.url())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build());
    }

    private static ProblemException unknown() {
        return ProblemException.notFound("Link");
    }
}
