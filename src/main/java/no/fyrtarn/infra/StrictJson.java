package no.fyrtarn.infra;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON values of the type the field has: a number or a boolean where text is expected, or text where a number or a
 * boolean is, or a number for one of a list of names, is a 400 naming the field (ProblemMappers), not quietly converted
 * ({@code "text": 123} shared as "123", {@code "targetShares": "3"} taken as 3, {@code "network": 1} taken as X), nor
 * is a fraction for a whole number ({@code "points": 10.5} stored as 10), nor a number for a time (taken as seconds
 * since 1970). Jackson converts all of these by default.
 * <p>
 * A field the request does not have is a 400 naming it too, where Quarkus skips it: a client that misspells
 * {@code "text"} would otherwise share the caption instead of the employee's own words, and one that misspells
 * {@code "expiresAt"} would publish a post that never expires. What the service reads but did not receive as a
 * request, events from Kafka and JSON it stored, it reads {@link #tolerant} of fields it does not know, so that a
 * producer may add fields before every consumer knows them.
 * <p>
 * A field given twice is a 400 naming it ({@code {"network": "X", "network": "LINKEDIN"}} was shared on LinkedIn, the
 * last one winning), and so is anything after the JSON value (a second object was ignored): neither says which the
 * client meant. Text with the NUL character (U+0000) or half a character (an unpaired surrogate) is a 400 naming the
 * field: PostgreSQL cannot store either ({@link StorableText}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A reader of the mapper's that skips fields it does not know (events, stored JSON). */
    public static ObjectReader tolerant(ObjectMapper mapper) {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** After Quarkus's own, which registers Jackson's modules: a deserializer registered later takes precedence. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean }) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-values")
                .addDeserializer(String.class, new StorableTextDeserializer())
                .addDeserializer(Instant.class, new TextualInstantDeserializer()));
    }

    /**
     * A time is text with its offset from UTC. Jackson reads a number as seconds since 1970, so a client sending
     * JavaScript's {@code Date.now()}, milliseconds, scheduled a post for the year 58 903 without a word. It is kept to
     * the microsecond, as PostgreSQL keeps it: the answer to a request that stores it says what a later read says
     * (with nine digits of fraction the two differed, and PostgreSQL rounded the last one). Its year has four digits,
     * as in RFC 3339, the OpenAPI's {@code date-time}: {@code +1000000000-01-01T00:00:00Z}, which Java reads, is
     * beyond what PostgreSQL stores, and until session 52 it was a 500.
     */
    static final class TextualInstantDeserializer extends StdScalarDeserializer<Instant> {

        TextualInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            Instant read = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (read != null && !IsoInstants.inRfc3339Years(read)) {
                throw new OutsideTheYears(parser, parser.getText());
            }
            return read == null ? null : read.truncatedTo(ChronoUnit.MICROS);
        }
    }

    /** A date and time outside the years RFC 3339 writes: the problem says so ({@code ProblemMappers}). */
    static final class OutsideTheYears extends InvalidFormatException {

        OutsideTheYears(JsonParser parser, String text) {
            super(parser, Language.text(IsoInstants.YEARS), text, Instant.class);
        }
    }

    /** Text with the NUL character or half a character is refused: see {@link StorableText}. */
    static final class StorableTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = StorableText.problem(text);
            return problem == null ? text : (String) context.handleWeirdStringValue(String.class, text, problem);
        }
    }
}
