package no.fyrtarn.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.fyrtarn.infra.Page;
import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/admin/employees")
@Tag(name = "Directory", description = "Employees, teams and reporting lines (admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminEmployeeResource {

    @Inject
    DirectoryService directory;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    private static final TypeReference<List<EmployeeRow>> ROWS = new TypeReference<>() {
    };

    @PUT
    @Consumes({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(operationId = "importEmployees", summary = "Create or update employees in bulk",
            description = "Idempotent upsert keyed by e-mail, as a JSON array or CSV with the same header "
                    + "(its column names in any case, each once; roles separated by ';'; cells by commas, or by "
                    + "semicolons if the header has no comma; UTF-8). "
                    + "Each row is the whole truth about that employee; a manager named by "
                    + "managerEmail becomes a leader. Your own row keeps the admin role the directory gives you "
                    + "(400 naming its roles; another admin can take it). Nothing is stored unless every row is valid. "
                    + "At most 5000 rows a call: a larger directory in several, each manager's row in the same call "
                    + "as their reports' or an earlier one.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = EmployeeRow.class),
                    examples = @ExampleObject(name = "two employees", value = """
                            [{"email": "lead.sales@example.com", "name": "Ingrid Berg", "team": "Sales"},
                             {"email": "ola.hansen@example.com", "name": "Ola Hansen", "team": "Sales",
                              "managerEmail": "lead.sales@example.com", "roles": ["employee"]}]""")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = """
                            email,name,team,managerEmail,roles
                            lead.sales@example.com,Ingrid Berg,Sales,,employee
                            ola.hansen@example.com,Ola Hansen,Sales,lead.sales@example.com,employee;marketing
                            """)) })
    @APIResponse(responseCode = "200", description = "Counts of created, updated and unchanged employees")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public ImportResult importEmployees(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, byte[] body)
            throws IOException {
        // bytes, so that JSON that is not UTF-8 is a 400 saying so, not names stored with replacement characters
        List<EmployeeRow> rows = MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                ? json.readValue(body, ROWS)
                : EmployeeCsv.parse(new String(body, StandardCharsets.UTF_8));
        return directory.upsert(rows, user.member().email());
    }

    @GET
    @Operation(operationId = "listEmployees", summary = "List employees",
            description = "Ordered by e-mail; q matches part of the name or e-mail, team a team's name, both "
                    + "case-insensitive; status=left lists those who left the company instead (active, the default: "
                    + "those in it).")
    @APIResponse(responseCode = "200", description = "A page of employees")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<EmployeeView> list(@QueryParam("status") String status, @QueryParam("team") String team,
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return directory.list(EmployeeStatus.parse(status), team, q, cursor, limit);
    }

    @DELETE
    @Path("/{employeeId}")
    @Operation(operationId = "removeEmployee", summary = "Someone left the company",
            description = "They are no longer listed, signed in (their tokens are refused, 401), on a leaderboard or "
                    + "in a team, and leave the reporting lines: those who reported to them report to no one until "
                    + "an import names their new manager. Their shares, links and points stay in the history; an "
                    + "import that names them again brings them back. Not yourself (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void remove(@PathParam("employeeId") UUID employeeId) {
        directory.leave(employeeId, user.member().employeeId());
    }
}
