package no.fyrtarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenAudienceTest {

    private static final String ISSUER = "https://login.example.com/realms/staff";

    @Test
    void tokens_of_an_idp_taken_for_any_audience_are_a_problem_named_with_the_setting_that_ends_it() {
        assertThat(TokenAudience.problem(false, Optional.empty(), ISSUER)).get().asString()
                .contains(ISSUER, "other applications", "MP_JWT_VERIFY_AUDIENCES");
    }

    @Test
    void an_audience_asked_of_the_idps_tokens_is_no_problem() {
        assertThat(TokenAudience.problem(false, Optional.of(List.of("fyrtarn")), ISSUER)).isEmpty();
    }

    @Test
    void tokens_signed_with_the_services_own_keys_need_no_audience() {
        assertThat(TokenAudience.problem(true, Optional.empty(), ISSUER)).isEmpty();
    }
}
