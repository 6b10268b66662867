package no.fyrtarn.gamification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import no.fyrtarn.security.CurrentUser;
import no.fyrtarn.security.Roles;

@Path("/api/admin/rules")
@Tag(name = "Gamification", description = "Points, badges, streaks and challenges")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    PointRuleSetRepository rules;

    @Inject
    GameCalendar calendar;

    @Inject
    CurrentUser user;

    @GET
    @Operation(operationId = "getPointRules", summary = "The point rules in effect")
    @APIResponse(responseCode = "200", description = "Points and daily caps per action, with version")
    @Transactional
    public RulesView get() {
        return RulesView.of(rules.latest());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePointRules", summary = "Change the point rules",
            description = "Makes a new version, in effect for actions from now on; points already earned stay.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Transactional
    public RulesView replace(@NotNull @Valid PointRules request) {
        rules.lockForChange();
        PointRuleSet next = new PointRuleSet(rules.latest().version() + 1, request, user.member().employeeId(),
                calendar.now());
        rules.persist(next);
        return RulesView.of(next);
    }
}
