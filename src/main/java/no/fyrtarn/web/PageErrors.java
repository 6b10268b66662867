package no.fyrtarn.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import no.fyrtarn.infra.Problem;
import no.fyrtarn.security.SessionCookies;

/**
 * Errors on pages (classes marked {@link WebPage}) as people expect them: no or a bad session → the login page (the
 * bad cookie removed), anything else → an HTML page with the status. API errors stay problem+json.
 */
@ApplicationScoped
public class PageErrors {

    @CheckedTemplate(basePath = "")
    static class Templates {
        /** {@code back}: where the page's button leads, the feed or the studio; null: no button. */
        static native TemplateInstance error(int status, String title, String detail, String back);

        static native TemplateInstance reopen(String here);
    }

    @Inject
    PageContext page;

    public static boolean isPage(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(WebPage.class);
    }

    /**
     * Off to the login page, and back here after it. Except for a tap on a link on another site (a reminder in a mail,
     * a chat): the browser leaves the session cookie (SameSite=Strict) out of that request, and sends it when this
     * site opens the same address again. A page that does just that comes first; without a session after it, the
     * login follows as usual.
     */
    public Response signIn() {
        if (!page.hasSession() && page.arrivesFromAnotherSite()) {
            return html(200, Templates.reopen(Pages.localPath(page.here())));
        }
        var redirect = Response.seeOther(URI.create("/login?next=" + Fmt.url(page.here())));
        return page.hasSession() ? redirect.cookie(SessionCookies.close(page.secure())).build() : redirect.build();
    }

    /** Whether a person's browser asked for this (outside the pages: an unknown address, a broken tracked link). */
    public boolean browsing() {
        return page.browsing();
    }

    /**
     * For a browser outside the pages: an HTML page, shown as to a visitor. Nobody asked who is signed in there, and
     * asking now could block the event loop; a broken link's visitor is not one of us anyway.
     */
    public Response answerVisitor(Problem problem) {
        page.asVisitor();
        return error(problem);
    }

    /**
     * The login's address where the local login is off (production): a page saying where signing in happens instead,
     * rather than an empty 404 after the redirect from the feed.
     */
    public Response signInElsewhere() {
        page.asVisitor();
        var msg = page.msg();
        return html(404, Templates.error(404, msg.signin_elsewhere(), msg.signin_elsewhere_hint(), null));
    }

    /**
     * For a page: 401 is the login page, anything else an HTML page. With the database away (503) the page is shown
     * as to a visitor: who is signed in may be what could not be read.
     */
    public Response answer(Problem problem) {
        if (problem.status() == 503) {
            page.asVisitor();
        }
        return problem.status() == 401 ? signIn() : error(problem);
    }

    private Response error(Problem problem) {
        var msg = page.msg();
        if (problem.status() == 404 && page.followsLink()) {
            // most likely someone who is not one of us, with a link cut short on its way: no feed to go back to
            return html(404, Templates.error(404, msg.error_link_nowhere(), msg.error_link_hint(), null));
        }
        if (problem.status() == 404 && page.sharesWithoutScript()) {
            // the post left the feed after the page was loaded: taken down, expired, or for another audience now
            return html(404, Templates.error(404, msg.share_gone(), null, "/"));
        }
        String title = switch (problem.status()) {
            case 403 -> msg.error_forbidden();
            case 404 -> msg.error_not_found();
            case 400, 405, 413, 415 -> msg.error_bad_request();
            case 409, 412, 428 -> msg.error_conflict();
            case 429 -> msg.error_too_many();
            case 503 -> msg.error_unavailable();
            default -> msg.error_other();
        };
        String detail = problem.status() == 400 && problem.violations() != null && !problem.violations().isEmpty()
                ? problem.violations().getFirst().field() + ": " + problem.violations().getFirst().message()
                : problem.status() == 503 ? msg.error_unavailable_hint() : null;
        // away from a page the database is missing from to another it is missing from: no button; reloading is the way
        String back = problem.status() == 503 ? null : page.inStudio() ? "/studio" : "/";
        return html(problem.status(), Templates.error(problem.status(), title, detail, back));
    }

    private Response html(int status, TemplateInstance template) {
        Response response = Pages.html(Response.status(status), template.setLocale(page.locale()));
        PageHeaders.addTo(response.getHeaders(), page.secure());
        return response;
    }
}
