package no.fyrtarn.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/s/Ab3dE5f", "/api/feed?topic=%7Bx%7D&limit=2", "/api/feed?topic=[x]",
            // what a browser sends as it is in a query: a mail tool's placeholder, a campaign tag's habit, and the rest
            "/s/Ab3dE5f?utm_content={{ad.name}}", "/s/Ab3dE5f?ref=news|dec", "/?q=a^b\\c`d",
            "/s/Ab3dE5f?utm_content={{ad.name}}#{x}" })
    void takes_what_uri_takes_and_what_a_browser_leaves_unencoded_in_a_query(String target) {
        assertThat(RequestTargets.acceptable(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/s/Ab{3dE5f", "/s/a|b?x=1", "/s/a^b", "/api/feed?topic=100%", "/?q=%zz",
            "/?q=%C", "/?q=\"x\"", "/?q=<x>", "/?q=a b", "/?q=a\tb" })
    void refuses_the_rest_as_before_a_malformed_path_a_lone_percent_and_what_a_browser_encodes(String target) {
        assertThat(RequestTargets.acceptable(target)).isFalse();
    }
}
