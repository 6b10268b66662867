package no.fyrtarn.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.directory.DirectoryService;
import no.fyrtarn.directory.EmployeeStatus;
import no.fyrtarn.directory.EmployeeView;
import no.fyrtarn.infra.Language;
import no.fyrtarn.security.DevLogin;
import no.fyrtarn.security.Roles;
import no.fyrtarn.security.SessionCookies;

/**
 * The local login form (only where the local login is on): pick a demo user or type an e-mail; the token goes into
 * the HttpOnly session cookie; where it is off, a page that says signing in happens elsewhere. Also the language
 * switch and logout, which every page's footer offers.
 */
@Path("/")
@WebPage
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String next, String email, String error, List<EmployeeView> featured,
                List<EmployeeView> people);
    }

    @Inject
    DevLogin devLogin;

    @Inject
    DirectoryService directory;

    @Inject
    PageContext page;

    @Inject
    PageErrors errors;

    @GET
    @Path("login")
    @PermitAll
    @Operation(hidden = true)
    public Response form(@QueryParam("next") String next) {
        if (!devLogin.enabled()) {
            return errors.signInElsewhere();
        }
        return Pages.html(Response.ok(), form(next, null, null));
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@RestForm String email, @RestForm String next) {
        if (!devLogin.enabled()) {
            return errors.signInElsewhere();
        }
        var token = email == null || email.isBlank() ? null : devLogin.tokenFor(email).orElse(null);
        if (token == null) {
            return Pages.html(Response.status(Response.Status.UNAUTHORIZED),
                    form(next, email, page.msg().login_unknown()));
        }
        return Response.seeOther(URI.create(Pages.localPath(next)))
                .cookie(SessionCookies.open(token.token(), token.expiresIn(), page.secure())).build();
    }

    @POST
    @Path("logout")
    @RolesAllowed(Roles.EMPLOYEE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout() {
        return Response.seeOther(URI.create("/login")).cookie(SessionCookies.close(page.secure())).build();
    }

    /**
     * The language switch: remembered for a year, then back to where it was pressed. {@code to} as the switcher
     * writes it ({@code nb}) or as someone types it ({@code NB}, {@code nb-NO}, {@code no}); a language not spoken
     * here changes nothing.
     */
    @GET
    @Path("lang")
    @PermitAll
    @Operation(hidden = true)
    public Response language(@QueryParam("to") String to, @QueryParam("next") String next) {
        var builder = Response.seeOther(URI.create(Pages.localPath(next)));
        Language.spoken(to).ifPresent(spoken -> builder.cookie(new NewCookie.Builder(Language.COOKIE)
                .value(spoken.getLanguage()).path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX)
                .secure(page.secure()).build()));
        return builder.build();
    }

    private TemplateInstance form(String next, String email, String error) {
        List<EmployeeView> people = directory.list(EmployeeStatus.ACTIVE, null, null, null, 100).items();
        // the people worth a one-tap login: every role once over, plus a couple of plain employees
        List<EmployeeView> featured = people.stream()
                .filter(p -> p.leader() || p.roles().contains(Roles.ADMIN) || p.roles().contains(Roles.MARKETING))
                .limit(8).toList();
        List<EmployeeView> plain = people.stream().filter(p -> !featured.contains(p) && !p.leader()
                && p.roles().equals(List.of(Roles.EMPLOYEE))).limit(2).toList();
        return Templates.login(Pages.localPath(next), email, error,
                Stream.concat(featured.stream(), plain.stream()).toList(), people)
                .setLocale(page.locale());
    }
}
