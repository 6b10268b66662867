package no.fyrtarn.infra;

import java.util.Set;

import io.quarkus.runtime.configuration.ConfigUtils;

/** The configuration profiles of a trial run: embedded servers, demo data, the local login. */
public final class Profiles {

    private static final Set<String> LOCAL = Set.of("local", "dev", "test");

    private Profiles() {
    }

    /** Whether the service runs in the local, dev or test profile (not in prod, nor in one of an operator's own). */
    public static boolean local() {
        return ConfigUtils.getProfiles().stream().anyMatch(LOCAL::contains);
    }
}
