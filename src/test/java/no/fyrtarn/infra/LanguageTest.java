package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale SV = Locale.forLanguageTag("sv");

    @Test
    void the_switchers_choice_wins_over_the_browsers() {
        assertThat(Language.chosen("sv", "nb-NO,nb;q=0.9")).isEqualTo(SV);
        assertThat(Language.chosen("en", "sv")).isEqualTo(Locale.ENGLISH);
        // a cookie naming no language of ours is ignored
        assertThat(Language.chosen("de", "sv-SE")).isEqualTo(SV);
    }

    @Test
    void norwegian_readers_of_any_kind_get_bokmaal_and_everyone_else_english() {
        assertThat(Language.chosen(null, "no")).isEqualTo(NB);
        assertThat(Language.chosen(null, "nn-NO,en;q=0.5")).isEqualTo(NB);
        assertThat(Language.chosen(null, "de-DE,sv;q=0.3")).isEqualTo(SV);
        assertThat(Language.chosen(null, "de-DE,fr;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(Language.chosen(null, null)).isEqualTo(Locale.ENGLISH);
        assertThat(Language.chosen(null, "nb;q=banana")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void outside_a_request_messages_are_english() {
        assertThat(Language.text("fyrtarn.team.unknown", "team", "Sales")).isEqualTo("is not a team: Sales");
    }

    @ParameterizedTest
    @ValueSource(strings = { "nb", "sv" })
    void every_message_a_page_can_show_is_translated(String language) throws IOException {
        Properties english = messages("");
        Properties translated = messages("_" + language);
        assertThat(translated.stringPropertyNames()).containsAll(english.stringPropertyNames());
        // and every value the English message names is named in the translation too
        english.stringPropertyNames().forEach(key -> assertThat(placeholders(translated.getProperty(key)))
                .as(key).isEqualTo(placeholders(english.getProperty(key))));
    }

    private static String placeholders(String message) {
        return message.replaceAll("[^{}]*(\\{[^}]*})?", "$1");
    }

    private static Properties messages(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LanguageTest.class.getResourceAsStream("/ValidationMessages" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
