package no.fyrtarn.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import no.fyrtarn.infra.Language;
import no.fyrtarn.infra.PublicUrl;
import no.fyrtarn.security.Roles;
import no.fyrtarn.security.SessionCookies;

/**
 * What every page's layout needs about the current request, as {@code inject:page} in templates: who is signed in,
 * which navigation they get, the CSRF token for forms and the language.
 */
@Named("page")
@RequestScoped
public class PageContext {

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    @Inject
    PublicUrl publicUrl;

    private Locale locale;
    private boolean visitor;
    private String maskedCsrf;

    /** The chosen language: the switcher's cookie, else the best of Accept-Language, else English. */
    public Locale locale() {
        if (locale == null) {
            locale = Language.current();
        }
        return locale;
    }

    public String lang() {
        return locale().getLanguage();
    }

    /** A language of the switcher, named in itself. */
    public record Choice(String code, String name) {
    }

    public List<Choice> languages() {
        return Language.SPOKEN.stream().map(l -> new Choice(l.getLanguage(), l.getDisplayLanguage(l))).toList();
    }

    /** The page texts in the chosen language, for Java code (templates use {@code msg:}). */
    public Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(locale().toLanguageTag()));
    }

    /** Cookies are Secure when the service is reached over HTTPS. */
    public boolean secure() {
        return publicUrl.https();
    }

    /** Shown as to someone not signed in, without asking who is (see {@link PageErrors#answerVisitor}). */
    void asVisitor() {
        visitor = true;
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean isMarketing() {
        return hasAnyRole(Roles.MARKETING, Roles.ADMIN);
    }

    /** Who may open /leaders: leaders, marketing and admins. */
    public boolean seesLeaders() {
        return hasAnyRole(Roles.LEADER, Roles.MARKETING, Roles.ADMIN);
    }

    private boolean hasAnyRole(String... roles) {
        return signedIn() && Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /**
     * Whether a valid session came with the request. On a page open to everyone (the login) the session is only
     * checked here, when the page asks, and an invalid or expired cookie fails that check: not signed in, rather than
     * a 500 from the template that asked. Shown as to a visitor, nobody is: not asked (see {@link #asVisitor}). On the
     * event loop, an identity not yet known cannot be asked for (it could block): an error page answered there is
     * shown as to a visitor too, rather than failing in its turn.
     */
    public boolean signedIn() {
        try {
            return !visitor && !identity.isAnonymous();
        } catch (AuthenticationFailedException | BlockingOperationNotAllowedException e) {
            return false;
        }
    }

    /** Whether the request carries a session cookie (valid or not). */
    public boolean hasSession() {
        return cookie(SessionCookies.TOKEN) != null;
    }

    /** The CSRF token forms echo in their {@code _csrf} field: masked once for each page and all its forms (BREACH). */
    public String csrf() {
        if (maskedCsrf == null) {
            String token = cookie(SessionCookies.CSRF);
            maskedCsrf = token == null || token.isEmpty() ? "" : SessionCookies.masked(token);
        }
        return maskedCsrf;
    }

    /**
     * The path and query of this page, to come back to after a language switch or a login. A form's answer comes back
     * to the page the form was on, as the browser's Referer names it when it is this site's: the address a form posts
     * to may be another page or none (saving a new post posts to {@code /studio}, which lists the posts), and a login
     * that went there would leave the form and what was typed into it behind.
     */
    public String here() {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            String formPage = pathOnThisSite(request.getHeader(HttpHeaders.REFERER));
            if (formPage != null) {
                return formPage;
            }
        }
        return request.uri();
    }

    /** The path and query of an address on this site (as the request's Host names it); null for any other. */
    private String pathOnThisSite(String address) {
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address);
            String authority = uri.getRawAuthority();
            boolean thisSite = "same-origin".equals(request.getHeader("Sec-Fetch-Site"))
                    || authority != null && authority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
            return thisSite && uri.getRawPath() != null && uri.getRawPath().startsWith("/")
                    ? uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * A person's browser rather than a program: it asks for HTML, for an address outside the API and Quarkus's own
     * ({@code /q/}). Its errors are pages, also where no page was found.
     */
    public boolean browsing() {
        String accept = request.getHeader("Accept");
        String path = request.path();
        return accept != null && accept.contains("text/html") && Language.forPeople(path);
    }

    /** Whether a person opened this page from another site: a tap on a link in a mail or a chat. */
    public boolean arrivesFromAnotherSite() {
        return request.method() == HttpMethod.GET && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))
                && "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
    }

    /** Whether this request follows a tracked link ({@code /s/{code}}). */
    public boolean followsLink() {
        return under(request.path(), "/s");
    }

    /** Whether this is a share button pressed without JavaScript ({@code POST /share/{postId}}). */
    public boolean sharesWithoutScript() {
        return under(request.path(), "/share");
    }

    /** Whether someone in marketing is at work in the studio, where a page's way back leads. */
    public boolean inStudio() {
        return under(request.path(), "/studio") && isMarketing();
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Whether this request is for {@code path} (for aria-current in the navigation). */
    public boolean at(String path) {
        return request.path().equals(path);
    }

    private String cookie(String name) {
        Cookie c = request.getCookie(name);
        return c == null ? null : c.getValue();
    }
}
