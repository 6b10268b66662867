package no.fyrtarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdpSettingsTest {

    private static final String ISSUER = "https://login.example.com/realms/staff";
    private static final Optional<List<String>> FYRTARN = Optional.of(List.of("fyrtarn"));
    private static final Optional<String> KEYS = Optional.of(ISSUER + "/protocol/openid-connect/certs");

    @Test
    void tokens_of_an_idp_taken_for_any_audience_are_a_problem_named_with_the_setting_that_ends_it() {
        assertThat(IdpSettings.problems(false, KEYS, Optional.empty(), ISSUER)).singleElement().asString()
                .contains(ISSUER, "other applications", "MP_JWT_VERIFY_AUDIENCES");
    }

    @Test
    void an_idp_left_with_the_local_runs_issuer_is_a_problem_since_all_its_tokens_are_refused() {
        assertThat(IdpSettings.problems(false, KEYS, FYRTARN, IdpSettings.LOCAL_ISSUER)).singleElement().asString()
                .contains("https://fyrtarn.local", "refused", "MP_JWT_VERIFY_ISSUER");
    }

    @Test
    void keys_fetched_over_plain_http_are_a_problem_since_anyone_on_the_way_could_swap_in_their_own() {
        Optional<String> plain = Optional.of("HTTP://login.example.com/realms/staff/protocol/openid-connect/certs");
        assertThat(IdpSettings.problems(false, plain, FYRTARN, ISSUER)).singleElement().asString()
                .contains(plain.get(), "not https", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void an_idps_own_issuer_and_an_audience_asked_of_its_tokens_are_no_problem() {
        assertThat(IdpSettings.problems(false, KEYS, FYRTARN, ISSUER)).isEmpty();
    }

    @Test
    void tokens_signed_with_the_services_own_keys_need_neither() {
        assertThat(IdpSettings.problems(true, Optional.of("file:/data/keys/jwt-public.pem"), Optional.empty(),
                IdpSettings.LOCAL_ISSUER)).isEmpty();
    }
}
