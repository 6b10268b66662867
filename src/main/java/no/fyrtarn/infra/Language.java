package no.fyrtarn.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The language a request is answered in. The API ({@code /api/}, {@code /q/}) and work without a request speak
 * English, whatever {@code Accept-Language} says: its problem documents are the same for every client. Pages speak
 * the reader's language: the switcher's cookie, else the best {@code Accept-Language} match, else English.
 * <p>
 * Messages a page can show come from the bundle {@code ValidationMessages} (also Bean Validation's): through
 * {@link #text} for the rules services and parameter parsers check themselves, and through {@link ForValidation}
 * for constraints.
 */
public final class Language {

    /** The languages the pages speak; the first is the fallback. */
    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"),
            Locale.forLanguageTag("sv"));
    public static final String COOKIE = "fyrtarn_lang";

    private static final String MESSAGES = "ValidationMessages";
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Language() {
    }

    /**
     * A language tag as stored (a post's, an employee's): "NB" and " nb " are "nb", "en-gb" is "en-GB"; null for none
     * (null or blank).
     */
    public static String tag(String tag) {
        return tag == null || tag.isBlank() ? null : Locale.forLanguageTag(tag.strip()).toLanguageTag();
    }

    /** The language of the current request: English outside a request and on the API. */
    public static Locale current() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return SPOKEN.get(0);
        }
        RoutingContext context = arc.instance(CurrentVertxRequest.class).get().getCurrent();
        if (context == null || !forPeople(context.normalizedPath())) {
            return SPOKEN.get(0);
        }
        HttpServerRequest request = context.request();
        Cookie cookie = request.getCookie(COOKIE);
        return chosen(cookie == null ? null : cookie.getValue(), request.getHeader("Accept-Language"));
    }

    /** Whether what answers at this path is for people to read: all but the API and Quarkus's own ({@code /q}). */
    public static boolean forPeople(String path) {
        return !under(path, "/api") && !under(path, "/q");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * A message of {@code ValidationMessages} in the current language, each {@code {name}} replaced by the value
     * after it: {@code text("fyrtarn.team.unknown", "team", "Sales")}.
     */
    public static String text(String key, Object... namesAndValues) {
        String text = ResourceBundle.getBundle(MESSAGES, current(), NO_FALLBACK).getString(key);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", String.valueOf(namesAndValues[i + 1]));
        }
        return text;
    }

    /** The switcher's cookie, else the best of Accept-Language ({@code no}, {@code nn}: Bokmål), else English. */
    static Locale chosen(String cookie, String acceptLanguage) {
        if (cookie != null) {
            for (Locale l : SPOKEN) {
                if (l.getLanguage().equals(cookie)) {
                    return l;
                }
            }
        }
        return spoken(acceptLanguage).orElse(SPOKEN.get(0));
    }

    /**
     * The best of the languages spoken here for an {@code Accept-Language} value or a single tag, in any case
     * ({@code NB}, {@code sv-SE}; {@code no}, {@code nn}: Bokmål); empty for none of them, or for a malformed one.
     */
    public static Optional<Locale> spoken(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = new ArrayList<>();
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                // Norwegian in general, and Nynorsk readers, get Bokmål
                String tag = r.getRange().replaceFirst("^(no|nn)(?=-|$)", "nb");
                ranges.add(new Locale.LanguageRange(tag, r.getWeight()));
            }
            return Optional.ofNullable(Locale.lookup(ranges, SPOKEN));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // a malformed header is no reason to fail a page
        }
    }

    /**
     * Bean Validation's locale resolver. Its priority puts it before Quarkus's own, which follows
     * {@code Accept-Language} on every request, the API's included.
     */
    @ApplicationScoped
    @Priority(10)
    public static class ForValidation implements LocaleResolver {

        @Override
        public Locale resolve(LocaleResolverContext context) {
            return current();
        }
    }
}
