package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import no.fyrtarn.post.Network;

/** The click codec against the service's own ObjectMapper: the same JSON on the topic, whichever wrote it. */
@QuarkusTest
class ClickEventJsonTest {

    @Inject
    ObjectMapper mapper;

    private static final ClickEvent FULL = new ClickEvent(UUID.randomUUID(), "aZ3kP9qQ", UUID.randomUUID(),
            UUID.randomUUID(), UUID.randomUUID(), Network.X, Instant.parse("2026-11-24T10:15:30.123456Z"),
            "0123456789abcdef0123456789abcdef", "89abcdef0123456789abcdef01234567",
            "Mozilla/5.0 \"quoted\" \\ ünïcødé", "GET");
    private static final ClickEvent SPARSE = new ClickEvent(UUID.randomUUID(), "aZ3kP9qQ", null, UUID.randomUUID(),
            UUID.randomUUID(), Network.LINKEDIN, Instant.parse("2026-11-24T10:15:30Z"), "fedcba9876543210", null,
            null, "HEAD");

    /** As the click consumer reads a record's value: its bytes. */
    private static ClickEvent read(String json) throws IOException {
        return ClickEventJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writes_what_the_object_mapper_writes() throws Exception {
        for (ClickEvent click : new ClickEvent[] {FULL, SPARSE}) {
            assertThat(mapper.readTree(ClickEventJson.write(click, new ByteArrayOutputStream())))
                    .isEqualTo(mapper.readTree(mapper.writeValueAsString(click)));
        }
    }

    @Test
    void reads_what_the_object_mapper_and_the_outbox_write() throws Exception {
        for (ClickEvent click : new ClickEvent[] {FULL, SPARSE}) {
            assertThat(read(mapper.writeValueAsString(click))).isEqualTo(click);
            // as the outbox's jsonb column gives it back: other key order and spacing, and a field added later
            ObjectNode reordered = mapper.createObjectNode().put("method", click.method())
                    .set("extra", mapper.createObjectNode().put("nested", true));
            reordered.setAll((ObjectNode) mapper.valueToTree(click));
            reordered.putArray("tags").add("x");
            assertThat(read(reordered.toPrettyString())).isEqualTo(click);
        }
    }

    @Test
    void refuses_what_data_binding_and_validation_refused() {
        ObjectNode withoutCode = mapper.valueToTree(FULL);
        withoutCode.remove("linkCode");
        assertThatThrownBy(() -> read(withoutCode.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkCode");

        ObjectNode nullHash = mapper.valueToTree(FULL);
        nullHash.putNull("clientHash");
        assertThatThrownBy(() -> read(nullHash.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientHash");

        ObjectNode badId = mapper.valueToTree(FULL);
        badId.put("clickId", "not-a-uuid");
        assertThatThrownBy(() -> read(badId.toString())).isInstanceOf(IllegalArgumentException.class);

        ObjectNode badNetwork = mapper.valueToTree(FULL);
        badNetwork.put("network", "MYSPACE");
        assertThatThrownBy(() -> read(badNetwork.toString()))
                .isInstanceOf(IllegalArgumentException.class);

        ObjectNode badTime = mapper.valueToTree(FULL);
        badTime.put("at", "yesterday");
        assertThatThrownBy(() -> read(badTime.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at");

        assertThatThrownBy(() -> read("not json")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(IllegalArgumentException.class);

        // JSON is UTF-8: a user agent with bytes that are not UTF-8 is refused, not read with replacement characters
        String valid = mapper.valueToTree(FULL).toString();
        byte[] json = valid.getBytes(StandardCharsets.UTF_8);
        int at = valid.indexOf("Mozilla"); // only ASCII before it, so also its index in the bytes
        json[at] = (byte) 0xC3; // must be followed by a continuation byte (10xxxxxx): '(' is not one
        json[at + 1] = (byte) '(';
        assertThatThrownBy(() -> ClickEventJson.read(json)).isInstanceOf(JsonProcessingException.class);
    }
}
