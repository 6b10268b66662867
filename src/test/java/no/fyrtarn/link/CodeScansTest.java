package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.testing.MovableClock;

@QuarkusTest
class CodeScansTest {

    @Inject
    CodeScans scans;

    @Inject
    LinkConfig config;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void scan(String address, int codes) {
        for (int i = 0; i < codes; i++) {
            scans.unknown(address);
        }
    }

    @Test
    void an_address_is_refused_once_its_unknown_codes_reach_the_budget_until_its_window_ends() {
        clock.advance(Duration.ofDays(1)); // windows of this test's own
        scan("203.0.113.10", config.scanBudget() - 1);
        assertThat(scans.refusal("203.0.113.10")).isEmpty();
        scan("203.0.113.10", 1);
        assertThat(scans.refusal("203.0.113.10")).hasValueSatisfying(
                wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(config.scanWindow()));
        assertThat(scans.refusal("203.0.113.11")).as("another address").isEmpty();

        clock.advance(config.scanWindow());
        assertThat(scans.refusal("203.0.113.10")).isEmpty();
        scan("203.0.113.10", 1);
        assertThat(scans.refusal("203.0.113.10")).as("a new window counts from one").isEmpty();
    }

    @Test
    void an_ipv6_address_counts_by_its_64_bit_network() {
        clock.advance(Duration.ofDays(2));
        for (int i = 0; i < config.scanBudget(); i++) {
            scans.unknown("2001:db8:45:7:" + Integer.toHexString(i) + "::1"); // a fresh address for every code
        }
        assertThat(scans.refusal("2001:db8:45:7:ffff:ffff:ffff:1")).isPresent();
        assertThat(scans.refusal("2001:0db8:0045:0007::9")).as("the same network, written otherwise").isPresent();
        assertThat(scans.refusal("2001:db8:45:8::1")).as("the next /64").isEmpty();
        assertThat(scans.refusal(null)).as("no address").isEmpty();
    }
}
