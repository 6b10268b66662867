package no.fyrtarn.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

/** Numbers and dates in the page's language and the company's time zone, as {@code fmt:} in templates. */
@TemplateExtension(namespace = "fmt")
public class Fmt {

    private static final ZoneId ZONE = ZoneId.of(ConfigProvider.getConfig()
            .getOptionalValue("fyrtarn.timezone", String.class).orElse("Europe/Oslo"));

    static String number(Number value, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return NumberFormat.getIntegerInstance(locale(locale)).format(value);
    }

    /** For Java code: a number with at most one decimal. */
    static String decimal(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    static String percent(double share, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return NumberFormat.getPercentInstance(locale(locale)).format(share);
    }

    static String date(Instant at, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale))
                .format(at.atZone(ZONE));
    }

    static String day(LocalDate day, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale)).format(day);
    }

    static String dateTime(Instant at, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(locale)).format(at.atZone(ZONE));
    }

    static String time(Instant at, @TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale(locale)).format(at.atZone(ZONE));
    }

    /** The company's time zone by its name in the page's language, and its id: Central European Time (Europe/Oslo). */
    static String zone(@TemplateExtension.TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return ZONE.getDisplayName(TextStyle.FULL, locale(locale)) + " (" + ZONE.getId() + ")";
    }

    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Locale.ENGLISH;
    }
}
