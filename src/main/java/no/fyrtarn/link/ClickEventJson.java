package no.fyrtarn.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import no.fyrtarn.infra.IsoInstants;
import no.fyrtarn.post.Network;

/**
 * link.clicked as JSON, written by the click recorder and read by the click consumer with Jackson's streaming API
 * instead of data binding. Every redirect makes one of these events: in a redirect flood, data binding (and Bean
 * Validation of the result) was half of the click consumer's CPU and a third of the recorder's (see
 * docs/performance-log.md, session 12). The JSON is the one {@code ObjectMapper} writes for {@link ClickEvent} (same
 * names, ISO-8601 instants, nulls written), which {@code ClickEventJsonTest} checks.
 */
final class ClickEventJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ClickEventJson() {
    }

    /**
     * UTF-8, straight into the bytes the Kafka record carries.
     *
     * @param buffer emptied and used for the writing, so that a writer of many clicks reuses one
     */
    static byte[] write(ClickEvent click, ByteArrayOutputStream buffer) {
        buffer.reset();
        try (JsonGenerator json = FACTORY.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("clickId", click.clickId().toString());
            json.writeStringField("linkCode", click.linkCode());
            json.writeStringField("shareId", click.shareId() == null ? null : click.shareId().toString());
            json.writeStringField("postId", click.postId().toString());
            json.writeStringField("employeeId", click.employeeId().toString());
            json.writeStringField("network", click.network().name());
            json.writeStringField("at", click.at().toString());
            json.writeStringField("clientHash", click.clientHash());
            json.writeStringField("adjacentDayClientHash", click.adjacentDayClientHash());
            json.writeStringField("userAgent", click.userAgent());
            json.writeStringField("method", click.method());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return buffer.toByteArray();
    }

    /**
     * Unknown fields are skipped (producers may add fields).
     *
     * @param json the record's value, JSON in UTF-8
     * @throws IOException not JSON (nor UTF-8), or not an object
     * @throws IllegalArgumentException a required field missing, or a value of the wrong form
     */
    static ClickEvent read(byte[] json) throws IOException {
        String clickId = null, linkCode = null, shareId = null, postId = null, employeeId = null, network = null,
                at = null, clientHash = null, adjacentDayClientHash = null, userAgent = null, method = null;
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("link.clicked must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                String string = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                switch (field) {
                    case "clickId" -> clickId = string;
                    case "linkCode" -> linkCode = string;
                    case "shareId" -> shareId = string;
                    case "postId" -> postId = string;
                    case "employeeId" -> employeeId = string;
                    case "network" -> network = string;
                    case "at" -> at = string;
                    case "clientHash" -> clientHash = string;
                    case "adjacentDayClientHash" -> adjacentDayClientHash = string;
                    case "userAgent" -> userAgent = string;
                    case "method" -> method = string;
                    default -> {
                        // a field this consumer does not know yet
                    }
                }
            }
        }
        try {
            return new ClickEvent(UUID.fromString(required("clickId", clickId)), required("linkCode", linkCode),
                    shareId == null ? null : UUID.fromString(shareId), UUID.fromString(required("postId", postId)),
                    UUID.fromString(required("employeeId", employeeId)), Network.valueOf(required("network", network)),
                    IsoInstants.parse(required("at", at)), required("clientHash", clientHash), adjacentDayClientHash,
                    userAgent, required("method", method));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at: " + e.getMessage(), e);
        }
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
