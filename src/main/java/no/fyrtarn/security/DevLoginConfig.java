package no.fyrtarn.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "fyrtarn.dev-login")
public interface DevLoginConfig {

    /** Whether POST /api/dev/login answers; only ever honoured in the local, dev and test profiles. */
    @WithDefault("false")
    boolean enabled();

    /** Lifetime of a token from the local login. */
    @WithDefault("PT1H")
    Duration tokenLifespan();
}
