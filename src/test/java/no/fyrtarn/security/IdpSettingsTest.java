package no.fyrtarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdpSettingsTest {

    private static final String ISSUER = "https://login.example.com/realms/staff";
    private static final Optional<List<String>> FYRTARN = Optional.of(List.of("fyrtarn"));

    @Test
    void tokens_of_an_idp_taken_for_any_audience_are_a_problem_named_with_the_setting_that_ends_it() {
        assertThat(IdpSettings.problems(false, Optional.empty(), ISSUER)).singleElement().asString()
                .contains(ISSUER, "other applications", "MP_JWT_VERIFY_AUDIENCES");
    }

    @Test
    void an_idp_left_with_the_local_runs_issuer_is_a_problem_since_all_its_tokens_are_refused() {
        assertThat(IdpSettings.problems(false, FYRTARN, IdpSettings.LOCAL_ISSUER)).singleElement().asString()
                .contains("https://fyrtarn.local", "refused", "MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void an_idps_own_issuer_and_an_audience_asked_of_its_tokens_are_no_problem() {
        assertThat(IdpSettings.problems(false, FYRTARN, ISSUER)).isEmpty();
    }

    @Test
    void tokens_signed_with_the_services_own_keys_need_neither() {
        assertThat(IdpSettings.problems(true, Optional.empty(), IdpSettings.LOCAL_ISSUER)).isEmpty();
    }
}
