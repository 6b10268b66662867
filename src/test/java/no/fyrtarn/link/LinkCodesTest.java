package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkCodesTest {

    @Test
    void codes_are_base62_of_the_asked_length_and_do_not_repeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = LinkCodes.next(8);
            assertThat(code).matches("[0-9A-Za-z]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void codes_use_the_whole_alphabet_in_every_position() {
        // sequential or time-based codes would keep most positions nearly constant
        for (int position = 0; position < 8; position++) {
            Set<Character> seen = new HashSet<>();
            for (int i = 0; i < 2_000; i++) {
                seen.add(LinkCodes.next(8).charAt(position));
            }
            assertThat(seen).as("characters at position %d", position).hasSize(62);
        }
    }

    @Test
    void only_plausible_codes_are_looked_up() {
        assertThat(LinkCodes.isWellFormed("aZ09bY8")).isTrue();
        assertThat(LinkCodes.isWellFormed("short")).isFalse();
        assertThat(LinkCodes.isWellFormed("//evil.example")).isFalse();
        assertThat(LinkCodes.isWellFormed("https:%2F%2Fevil.example")).isFalse();
        assertThat(LinkCodes.isWellFormed("abcdefgh-1")).isFalse();
        assertThat(LinkCodes.isWellFormed("a".repeat(17))).isFalse();
        assertThat(LinkCodes.isWellFormed(null)).isFalse();
    }
}
