package no.fyrtarn.security;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.infra.ProblemException;

/** Local login for the demo and the tests: a token for any employee in the directory, no password. */
@Path("/api/dev/login")
@Tag(name = "Local login", description = "Only in the local, dev and test profiles")
public class DevLoginResource {

    @Inject
    DevLogin devLogin;

    public record LoginRequest(@Schema(example = "lead.sales@demo.fyrtarn.no") @NotBlank @Email String email) {
    }

    public record LoginResponse(@Schema(example = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1cG4iOiJ…") String token,
            @Schema(example = "3600") long expiresIn) {
    }

    @POST
    @PermitAll
    @SecurityRequirementsSet
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "devLogin", summary = "Get a token for a directory employee (local profiles only)")
    @APIResponse(responseCode = "200", description = "A bearer token")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LoginResponse login(@NotNull @Valid LoginRequest request) {
        if (!devLogin.enabled()) {
            throw ProblemException.notFound("Local login");
        }
        var token = devLogin.tokenFor(request.email())
                .orElseThrow(() -> ProblemException.unauthorized("No employee with that e-mail"));
        return new LoginResponse(token.token(), token.expiresIn());
    }
}
