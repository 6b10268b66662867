package no.fyrtarn.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counting a text as X does, and cutting it to fit. The lengths below are X's own: the cases of twitter-text's
 * conformance suite for its v3 configuration ({@code conformance/tests/validate.yml},
 * {@code WeightedTweetsWithDiscountedEmojiCounterTest}).
 */
class XTextTest {

    private static final String POEM = "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。旧时王谢堂前燕，"
            + "飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。"
            + "独在异乡为异客，每逢佳节倍思亲。遥知兄弟登高处，遍插茱萸少一人。";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👨‍👩‍👧‍👦
    private static final String ROCKET = "\uD83D\uDE80";

    static Stream<Arguments> xs_own_counts() {
        String punctuation = "This is a tweet with general punctuation characters: " + range(0x2000, 0x200C, "") + " "
                + range(0x2010, 0x2017, " ") + "  " + range(0x2017, 0x2020, " ") + " " + range(0x2032, 0x2038, " ");
        return Stream.of(
                Arguments.of("Hi http://test.co", 26),
                Arguments.of("http://test.co", 23),
                Arguments.of("285 chars-" + "xxxxxxxxxx-".repeat(25), 285),
                Arguments.of("285 chars- http://www.twitter.com/jack " + "xxxxxxxxxx-".repeat(24), 299),
                Arguments.of("xxxxxxxxxx-".repeat(24) + " http://www.twitter.com/jack ", 289),
                Arguments.of("https://www.twitter.com/aloha ".repeat(10), 240),
                Arguments.of(POEM, 320),
                Arguments.of("the" + POEM, 323),
                Arguments.of("\uD83D\uDE37".repeat(160), 320),
                Arguments.of("A\u0301B", 2),
                Arguments.of("A\uFB2C", 4),
                Arguments.of("H\uD83D\uDC31\u263A" + FAMILY, 7),
                Arguments.of("\uD83D\uDE37\uD83D\uDC7E\uD83D\uDE21\uD83D\uDD25\uD83D\uDCA9", 10),
                Arguments.of("\uD83D\uDE4B\uD83C\uDFFD\uD83D\uDC68\u200D\uD83C\uDFA4", 4),
                Arguments.of(punctuation, 110),
                Arguments.of("randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com", 68));
    }

    private static String range(int from, int to, String between) {
        return IntStream.range(from, to).mapToObj(Character::toString).collect(Collectors.joining(between));
    }

    @ParameterizedTest
    @MethodSource
    void xs_own_counts(String text, int xCounts) {
        assertThat(XText.weightedLength(text)).isEqualTo(xCounts);
    }

    /** X's emoji pattern (twitter-text's {@code TwitterTextEmojiRegex}) takes "©" and "®" for emoji only with U+FE0F. */
    @Test
    void copyright_and_registered_signs_count_double_only_as_emoji() {
        assertThat(XText.weightedLength("Fyrtårn® ©2026")).isEqualTo(14);
        assertThat(XText.weightedLength("©好")).isEqualTo(1 + 2);
        assertThat(XText.weightedLength("\u00A9\uFE0F")).isEqualTo(2);
        assertThat(XText.weightedLength("\u2122")).as("™, outside the ranges that count 1").isEqualTo(2);
        assertThat(XText.weightedLength("1\uFE0F\u20E3#\u20E3")).as("keycaps").isEqualTo(4);
    }

    @Test
    void a_word_that_may_be_a_link_to_x_counts_at_least_as_much_as_a_link() {
        assertThat(XText.weightedLength("fyrtarn.no")).isEqualTo(23);
        assertThat(XText.weightedLength("Les mer på fyrtarn.no.")).isEqualTo("Les mer på ".length() + 23 + 1);
        assertThat(XText.weightedLength("(https://fyrtarn.no/om-oss/et-veldig-langt-navn)")).isEqualTo(1 + 23 + 1);
        assertThat(XText.weightedLength("«fyrtarn.no/jobb»…")).isEqualTo(1 + 23 + 1 + 2);
        assertThat(XText.weightedLength("post@fyrtarn.no")).as("an address, not a link").isEqualTo(15);
    }

    @Test
    void a_word_whose_ending_is_no_top_level_domain_is_no_link_to_x() {
        assertThat(XText.weightedLength("Se f.eks. fyrtarn.no")).isEqualTo("Se f.eks. ".length() + 23);
        assertThat(XText.weightedLength("Läs t.ex. Fyrtarn.Design/jobb")).isEqualTo("Läs t.ex. ".length() + 23);
        assertThat(XText.weightedLength("FYRTARN.NO")).isEqualTo(23);
        String intranet = "https://intranet.fyrtarn/sider/om-oss";
        assertThat(XText.weightedLength(intranet)).as("X counts it by its characters").isEqualTo(intranet.length());
    }

    @Test
    void a_text_that_fits_is_posted_as_written() {
        String text = "Vi ansetter! " + ROCKET + " Søk innen fredag.";
        assertThat(XText.fit(text, 256)).isSameAs(text);

        String exactly = "x".repeat(254) + ROCKET;
        assertThat(XText.fit(exactly, 256)).isSameAs(exactly);
    }

    @Test
    void a_long_text_is_cut_at_a_word_with_an_ellipsis_x_counts_double() {
        String text = "Fyrtårn gjør deling enkelt for alle ansatte. ".repeat(8);

        String fitted = XText.fit(text, 256);

        assertThat(XText.weightedLength(fitted)).isLessThanOrEqualTo(256);
        assertThat(fitted).endsWith(" deling enkelt…");
        assertThat(text).startsWith(fitted.substring(0, fitted.length() - 1));
    }

    @Test
    void a_text_without_spaces_still_fits_once_its_ellipsis_is_counted() {
        String fitted = XText.fit("x".repeat(300), 256);

        assertThat(fitted).isEqualTo("x".repeat(254) + "…");
        assertThat(XText.weightedLength(fitted)).isEqualTo(256);
    }

    @Test
    void emoji_and_cjk_count_double_and_are_never_cut_in_half() {
        String emoji = (ROCKET + FAMILY + "\uD83C\uDDF3\uD83C\uDDF4").repeat(60); // rocket, family, Norway's flag

        String fitted = XText.fit(emoji, 256);

        assertThat(XText.weightedLength(fitted)).isLessThanOrEqualTo(256);
        assertThat(fitted).isEqualTo((ROCKET + FAMILY + "\uD83C\uDDF3\uD83C\uDDF4").repeat(42) + ROCKET + "…");
        assertThat(XText.fit(POEM, 256)).isEqualTo(POEM.substring(0, 127) + "…");
    }

    @Test
    void a_link_in_the_text_is_left_whole_or_left_out() {
        String text = "x".repeat(230) + " https://fyrtarn.no/karriere/ledige-stillinger and more";

        String fitted = XText.fit(text, 256);

        assertThat(fitted).isEqualTo("x".repeat(230) + " https://fyrtarn.no/karriere/ledige-stillinger…");
        assertThat(XText.weightedLength(fitted)).isEqualTo(230 + 1 + 23 + 2);
        assertThat(XText.fit("x".repeat(240) + " https://fyrtarn.no/karriere", 256)).isEqualTo("x".repeat(240) + "…");
    }
}
