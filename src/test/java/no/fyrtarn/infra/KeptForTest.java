package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeptForTest {

    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> read(String value) {
        reads.incrementAndGet();
        return Optional.ofNullable(value);
    }

    @Test
    void a_value_is_read_once_while_fresh_and_again_after_forget_all() {
        KeptFor<String, String> kept = new KeptFor<>(Duration.ofMinutes(1), 10);
        assertThat(kept.get("a", () -> read("first"))).contains("first");
        assertThat(kept.get("a", () -> read("second"))).contains("first");
        assertThat(reads).hasValue(1);
        kept.forgetAll();
        assertThat(kept.get("a", () -> read("second"))).contains("second");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_value_older_than_the_time_to_keep_it_is_read_again() throws InterruptedException {
        KeptFor<String, String> kept = new KeptFor<>(Duration.ofMillis(20), 10);
        kept.get("a", () -> read("first"));
        Thread.sleep(40);
        assertThat(kept.get("a", () -> read("second"))).contains("second");
    }

    @Test
    void an_absent_value_is_not_kept() {
        KeptFor<String, String> kept = new KeptFor<>(Duration.ofMinutes(1), 10);
        assertThat(kept.get("a", () -> read(null))).isEmpty();
        assertThat(kept.get("a", () -> read("now"))).contains("now");
        assertThat(reads).hasValue(2);
    }

    @Test
    void more_keys_than_the_bound_forget_the_others() {
        KeptFor<Integer, String> kept = new KeptFor<>(Duration.ofMinutes(1), 2);
        kept.get(1, () -> read("one"));
        kept.get(2, () -> read("two"));
        kept.get(3, () -> read("three")); // over the bound: 1 and 2 are forgotten
        kept.get(1, () -> read("one again"));
        assertThat(reads).hasValue(4);
    }
}
