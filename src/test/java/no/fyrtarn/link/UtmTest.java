package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.fyrtarn.post.Network;

class UtmTest {

    private static final UUID POST = UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b");
    private static final String OURS = "utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=spring"
            + "&utm_content=" + POST;

    @Test
    void a_url_without_query_gets_the_four_parameters() {
        assertThat(Utm.merge("https://example.com/jobs", Network.LINKEDIN, "spring", POST))
                .isEqualTo("https://example.com/jobs?" + OURS);
    }

    @Test
    void the_urls_own_parameters_are_kept_as_they_were() {
        assertThat(Utm.merge("https://example.com/jobs?team=sales&q=a%20b&flag", Network.LINKEDIN, "spring", POST))
                .isEqualTo("https://example.com/jobs?team=sales&q=a%20b&flag&" + OURS);
    }

    @Test
    void an_internationalized_host_is_written_in_ascii_with_its_user_and_port_kept() {
        assertThat(Utm.merge("https://ola@blåbær.no:8443/sök", Network.LINKEDIN, "spring", POST))
                .isEqualTo("https://ola@xn--blbr-roah.no:8443/s%C3%B6k?" + OURS);
        assertThat(Utm.merge("http://[2001:db8::1]:8080/jobs", Network.LINKEDIN, "spring", POST))
                .isEqualTo("http://[2001:db8::1]:8080/jobs?" + OURS);
    }

    @Test
    void a_fragment_stays_at_the_end() {
        assertThat(Utm.merge("https://example.com/jobs?team=sales#apply", Network.LINKEDIN, "spring", POST))
                .isEqualTo("https://example.com/jobs?team=sales&" + OURS + "#apply");
        assertThat(Utm.merge("https://example.com/jobs#apply?x=1", Network.LINKEDIN, "spring", POST))
                .isEqualTo("https://example.com/jobs?" + OURS + "#apply?x=1");
    }

    @Test
    void existing_utm_parameters_are_replaced_not_duplicated() {
        String merged = Utm.merge("https://example.com/?utm_source=newsletter&UTM_MEDIUM=mail&utm_term=keep&utm%5Fcontent=x",
                Network.LINKEDIN, "spring", POST);
        assertThat(merged).isEqualTo("https://example.com/?utm_term=keep&" + OURS);
    }

    @Test
    void without_a_campaign_the_post_id_is_the_campaign_and_the_network_is_the_source() {
        assertThat(Utm.merge("https://example.com/", Network.X, null, POST)).isEqualTo("https://example.com/?"
                + "utm_source=x&utm_medium=employee_advocacy&utm_campaign=" + POST + "&utm_content=" + POST);
    }

    @Test
    void campaign_values_are_encoded_and_non_ascii_urls_are_percent_encoded() {
        assertThat(Utm.merge("https://example.no/søk?by=Tromsø", Network.FACEBOOK, "vår & sommer", POST))
                .isEqualTo("https://example.no/s%C3%B8k?by=Troms%C3%B8&utm_source=facebook&utm_medium=employee_advocacy"
                        + "&utm_campaign=v%C3%A5r+%26+sommer&utm_content=" + POST);
    }
}
