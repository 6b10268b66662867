package no.fyrtarn.link;

import static no.fyrtarn.link.ClientAddress.fromRight;
import static no.fyrtarn.link.ClientAddress.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address of X-Forwarded-For a click is told apart by, and which settings let a client write its own. */
class ClientAddressTest {

    @Test
    void the_address_the_outermost_appending_proxy_saw_is_as_many_places_from_the_right_as_they_append() {
        List<String> header = List.of("203.0.113.1, 198.51.100.7,10.0.0.4");
        assertThat(fromRight(header, 1)).isEqualTo("10.0.0.4");
        assertThat(fromRight(header, 2)).isEqualTo("198.51.100.7");
        assertThat(fromRight(header, 3)).isEqualTo("203.0.113.1");
        assertThat(fromRight(header, 4)).as("fewer than that: the leftmost, also a proxy's").isEqualTo("203.0.113.1");
    }

    @Test
    void several_header_lines_are_one_list_in_their_order_and_empty_entries_are_no_address() {
        assertThat(fromRight(List.of("203.0.113.1", " , 198.51.100.7 ,"), 1)).isEqualTo("198.51.100.7");
        assertThat(fromRight(List.of("203.0.113.1", "198.51.100.7"), 2)).isEqualTo("203.0.113.1");
        assertThat(fromRight(List.of(), 1)).isNull();
        assertThat(fromRight(List.of(" , "), 1)).isNull();
    }

    @Test
    void a_port_is_not_part_of_the_address_and_a_bare_ipv6_address_keeps_its_colons() {
        assertThat(fromRight(List.of("198.51.100.7:4711"), 1)).isEqualTo("198.51.100.7");
        assertThat(fromRight(List.of("[2001:db8::7]:4711"), 1)).isEqualTo("2001:db8::7");
        assertThat(fromRight(List.of("[2001:db8::7]"), 1)).isEqualTo("2001:db8::7");
        assertThat(fromRight(List.of("2001:db8::7"), 1)).isEqualTo("2001:db8::7");
    }

    @Test
    void forwarding_from_any_proxy_is_said_since_any_client_could_then_name_its_address() {
        assertThat(problems(true, true, false, false, 0)).singleElement().asString()
                .contains("trusted-proxies names no proxy", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        assertThat(problems(true, true, false, true, 0)).isEmpty();
        assertThat(problems(false, true, false, false, 0)).as("no forwarding, the connection's address").isEmpty();
    }

    @Test
    void a_depth_the_service_cannot_apply_is_said_with_what_to_set() {
        assertThat(problems(false, true, false, false, 1)).singleElement().asString()
                .contains("forwarded-for-depth is 1", "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true");
        assertThat(problems(true, false, false, true, 2)).singleElement().asString()
                .contains("forwarded-for-depth is 2", "QUARKUS_HTTP_PROXY_ENABLE_TRUSTED_PROXY_HEADER");
        assertThat(problems(true, true, true, true, 1)).singleElement().asString()
                .contains("forwarded-for-depth is 1", "QUARKUS_HTTP_PROXY_ALLOW_FORWARDED=false");
        assertThat(problems(true, true, false, true, 2)).isEmpty();
        assertThat(problems(true, true, true, true, 0)).as("Forwarded as Quarkus reads it").isEmpty();
    }
}
