package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void ids_are_version_7_with_their_millisecond_in_front() {
        Instant at = Instant.parse("2026-11-24T01:30:00.123456Z");
        UUID id = Ids.timeOrdered(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void later_ids_sort_after_earlier_ones_and_ids_of_one_millisecond_differ() {
        Instant at = Instant.parse("2026-11-24T01:30:00Z");
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(Ids.timeOrdered(at));
        }
        assertThat(sameMillisecond).hasSize(10_000);
        UUID later = Ids.timeOrdered(at.plusMillis(1));
        // PostgreSQL orders uuids bytewise, i.e. as unsigned: the millisecond decides
        assertThat(sameMillisecond).allSatisfy(earlier -> assertThat(
                Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits())).isNegative());
    }
}
