package no.fyrtarn.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
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
            "0123456789abcdef0123456789abcdef", "Mozilla/5.0 \"quoted\" \\ ünïcødé", "GET");
    private static final ClickEvent SPARSE = new ClickEvent(UUID.randomUUID(), "aZ3kP9qQ", null, UUID.randomUUID(),
            UUID.randomUUID(), Network.LINKEDIN, Instant.parse("2026-11-24T10:15:30Z"), "fedcba9876543210", null,
            "HEAD");

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
            assertThat(ClickEventJson.read(mapper.writeValueAsString(click))).isEqualTo(click);
            // as the outbox's jsonb column gives it back: other key order and spacing, and a field added later
            ObjectNode reordered = mapper.createObjectNode().put("method", click.method())
                    .set("extra", mapper.createObjectNode().put("nested", true));
            reordered.setAll((ObjectNode) mapper.valueToTree(click));
            reordered.putArray("tags").add("x");
            assertThat(ClickEventJson.read(reordered.toPrettyString())).isEqualTo(click);
        }
    }

    @Test
    void refuses_what_data_binding_and_validation_refused() {
        ObjectNode withoutCode = mapper.valueToTree(FULL);
        withoutCode.remove("linkCode");
        assertThatThrownBy(() -> ClickEventJson.read(withoutCode.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linkCode");

        ObjectNode nullHash = mapper.valueToTree(FULL);
        nullHash.putNull("clientHash");
        assertThatThrownBy(() -> ClickEventJson.read(nullHash.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientHash");

        ObjectNode badId = mapper.valueToTree(FULL);
        badId.put("clickId", "not-a-uuid");
        assertThatThrownBy(() -> ClickEventJson.read(badId.toString())).isInstanceOf(IllegalArgumentException.class);

        ObjectNode badNetwork = mapper.valueToTree(FULL);
        badNetwork.put("network", "MYSPACE");
        assertThatThrownBy(() -> ClickEventJson.read(badNetwork.toString()))
                .isInstanceOf(IllegalArgumentException.class);

        ObjectNode badTime = mapper.valueToTree(FULL);
        badTime.put("at", "yesterday");
        assertThatThrownBy(() -> ClickEventJson.read(badTime.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at");

        assertThatThrownBy(() -> ClickEventJson.read("not json")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> ClickEventJson.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }
}
