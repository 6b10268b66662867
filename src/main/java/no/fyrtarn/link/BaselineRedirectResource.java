package no.fyrtarn.link;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.mutiny.Uni;

/**
 * Only in the bench build (bench/run): the cheapest 302 this service can give, same headers and threading as
 * RedirectResource but no lookup and no click. bench/run measures /s/{code} against it in the same process.
 */
@Path("/bench/302")
@PermitAll
@IfBuildProfile("bench")
public class BaselineRedirectResource {

    private static final String TARGET = "https://example.com/baseline?utm_source=linkedin&utm_medium=employee_advocacy";

    @GET
    @Operation(hidden = true)
    public Uni<RestResponse<Void>> redirect() {
        return Uni.createFrom().item(RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.FOUND)
                .header(HttpHeaders.LOCATION, TARGET)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build());
    }
}
