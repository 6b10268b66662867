package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    void if_kept_answers_only_a_fresh_kept_value_and_never_reads() throws InterruptedException {
        KeptFor<String, String> kept = new KeptFor<>(Duration.ofMillis(200), 10);
        assertThat(kept.ifKept("a")).isEmpty();
        kept.get("a", () -> read("first"));
        assertThat(kept.ifKept("a")).contains("first");
        Thread.sleep(300);
        assertThat(kept.ifKept("a")).as("no longer fresh").isEmpty();
        kept.get("a", () -> read("second"));
        kept.forgetAll();
        assertThat(kept.ifKept("a")).isEmpty();
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

    @Test
    void a_value_read_while_all_were_forgotten_is_answered_but_not_kept() {
        KeptFor<String, String> kept = new KeptFor<>(Duration.ofMinutes(1), 10);
        assertThat(kept.get("a", () -> {
            kept.forgetAll(); // the owner changed it while this read ran: what was read may be the old value
            return read("old");
        })).contains("old");
        assertThat(kept.get("a", () -> read("new"))).contains("new");
        assertThat(reads).hasValue(2);
    }

    @Test
    void get_all_reads_only_the_keys_it_does_not_keep_in_one_call_and_leaves_out_those_without_value() {
        KeptFor<Integer, String> kept = new KeptFor<>(Duration.ofMinutes(1), 10);
        List<List<Integer>> calls = new ArrayList<>();
        Function<Collection<Integer>, Map<Integer, String>> read = keys -> {
            calls.add(List.copyOf(keys));
            return keys.stream().filter(k -> k != 3).collect(Collectors.toMap(k -> k, k -> "v" + k));
        };
        assertThat(kept.getAll(List.of(1, 2), read)).isEqualTo(Map.of(1, "v1", 2, "v2"));
        assertThat(kept.getAll(List.of(1, 2, 3, 4), read)).isEqualTo(Map.of(1, "v1", 2, "v2", 4, "v4"));
        assertThat(kept.get(4, () -> read("not read"))).contains("v4");
        assertThat(calls).containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(reads).hasValue(0);
    }
}
