package no.fyrtarn.infra;

import java.util.Locale;

/**
 * Settings as the launcher sees them before Quarkus reads its configuration: system properties, then the environment.
 * Free of logging on purpose: FyrtarnMain reads one before the first logger exists.
 */
final class LaunchSettings {

    private LaunchSettings() {
    }

    static String setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(property));
        }
        return value == null || value.isBlank() ? null : value;
    }

    static String setting(String property, String fallback) {
        String value = setting(property);
        return value == null ? fallback : value;
    }

    /** The environment variable that sets {@code property}, as Quarkus maps them (and as messages name them). */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"); // not "İ" on a Turkish machine
    }
}
