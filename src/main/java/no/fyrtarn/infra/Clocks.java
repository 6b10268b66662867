package no.fyrtarn.infra;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** The one source of "now" for business rules, so tests can move time instead of sleeping. */
public class Clocks {

    /**
     * The system's time to the microsecond, as PostgreSQL keeps an instant: an answer's {@code createdAt} reads as a
     * later read of the same row gives it (to the nanosecond, the two differed in their last three digits). The tests'
     * clock moves this one.
     */
    public static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return SYSTEM;
    }
}
