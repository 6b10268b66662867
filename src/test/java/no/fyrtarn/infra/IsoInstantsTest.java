package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Click times must come out as the JDK reads them, whatever a producer wrote. */
class IsoInstantsTest {

    private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void reads_what_instant_to_string_writes_as_the_jdk_does() {
        SplittableRandom random = new SplittableRandom(20261204);
        int[] precision = {1, 1_000_000, 1_000, 1}; // whole seconds, millis, micros, nanos
        for (int i = 0; i < 100_000; i++) {
            int step = precision[i % 4];
            int nanos = i % 4 == 0 ? 0 : random.nextInt(1_000_000_000 / step) * step;
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000), nanos);
            String text = instant.toString();
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-04T10:15:30.5Z", "2026-12-04T10:15:30.05Z", "2026-12-04T10:15:30.1234Z",
            "2026-12-04T10:15:30.12345Z", "2026-12-04T10:15:30.1234567Z", "2026-12-04T10:15:30.12345678Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z"})
    void reads_every_length_of_fraction_as_the_jdk_does(String text) {
        assertThat(outcome(() -> IsoInstants.parse(text))).isEqualTo(outcome(() -> Instant.parse(text)))
                .isInstanceOf(Instant.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-04T11:15:30+01:00", "2026-12-04t10:15:30z", "+12026-12-04T10:15:30Z",
            "2026-02-29T10:15:30Z", "2026-02-30T10:15:30Z", "2026-13-04T10:15:30Z", "2026-12-04T24:00:00Z",
            "2026-12-04T10:60:30Z", "2026-12-31T23:59:60Z", "2026-12-04T10:15:30.Z", "2026-12-04T10:15:30.1234567890Z",
            "2026-12-04T10:15:3xZ", "2026-12-04 10:15:30Z", "2026-12-04T10:15:30", "yesterday", "",
            "２０２６-12-04T10:15:30Z"})
    void leaves_every_other_form_to_the_jdk(String text) {
        assertThat(outcome(() -> IsoInstants.parse(text))).isEqualTo(outcome(() -> Instant.parse(text)));
    }

    /** The instant, or the exception's class and message. */
    private static Object outcome(Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
