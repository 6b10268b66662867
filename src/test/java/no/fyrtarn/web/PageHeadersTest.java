package no.fyrtarn.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

class PageHeadersTest {

    @Test
    void a_service_reached_over_https_has_browsers_come_back_over_https_only_for_a_year() {
        var headers = new MultivaluedHashMap<String, Object>();
        PageHeaders.addTo(headers, true);
        assertThat(headers.get("Strict-Transport-Security")).containsExactly("max-age=31536000");
    }

    @Test
    void one_reached_over_plain_http_pins_nothing_on_the_browser() {
        var headers = new MultivaluedHashMap<String, Object>();
        PageHeaders.addTo(headers, false);
        assertThat(headers).doesNotContainKey("Strict-Transport-Security").containsKey("Content-Security-Policy");
    }
}
