package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://fyrtarn.example.com", "https://share.example.no:8443/", "HTTPS://10.1.2.3"})
    void a_public_https_address_is_fine(String url) {
        assertThat(PublicUrl.problems(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:8080", "https://LOCALHOST", "https://app.localhost", "https://127.0.0.1",
        "https://127.8.9.10:8080", "https://[::1]:8443", "https://0.0.0.0"})
    void an_address_of_the_machine_itself_is_named_as_where_every_shared_link_would_lead(String url) {
        assertThat(PublicUrl.problems(url)).singleElement().asString()
                .contains("fyrtarn.public-url is " + url, "the clicker's own machine", "FYRTARN_PUBLIC_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://fyrtarn.example.com", "http://10.1.2.3"})
    void plain_http_is_named_as_unencrypted(String url) {
        assertThat(PublicUrl.problems(url)).singleElement().asString().contains("not https", "Secure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080"})
    void the_default_has_both_problems(String url) {
        assertThat(PublicUrl.problems(url)).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fyrtarn example com", "https://exa mple.com", "//"})
    void what_is_not_a_url_with_a_host_is_said_to_be_unusable(String url) {
        assertThat(PublicUrl.problems(url)).first().asString().contains(url);
    }

    @ParameterizedTest
    @CsvSource({"https://fyrtarn.example.com, true", "HTTPS://fyrtarn.example.com, true", "Https://10.1.2.3, true",
        "http://fyrtarn.example.com, false", "HTTP://https.example.com, false"})
    void the_pages_cookies_are_secure_when_the_address_is_https_however_its_scheme_is_written(String url, boolean secure) {
        PublicUrl publicUrl = new PublicUrl();
        publicUrl.configured = url;
        publicUrl.init();
        assertThat(publicUrl.https()).isEqualTo(secure);
    }
}
