package kz.appeals.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON request bodies as RFC 8259 and the API's schemas say, nothing looser: one value and nothing after it, each
 * key once (the last one no longer silently wins), and no type guessed — a number is not an enum, a string or a
 * boolean, a string is not a number. Every text value must also be {@link StorableText}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // A value keeps its JSON type: only true/false is a boolean, only a number a number; text and enums only
        // from a JSON string (StrictText, FAIL_ON_NUMBERS_FOR_ENUMS).
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[]{LogicalType.Integer, LogicalType.Float}) {
            mapper.coercionConfigFor(number)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** A text value refused for a character it holds; the problem names the field (code {@code character}). */
    public static final class ForbiddenCharacterException extends InvalidFormatException {
        ForbiddenCharacterException(JsonParser parser, String message, String value) {
            super(parser, message, value, String.class);
        }
    }

    /** Only JSON strings become text (no number, boolean or object), and only storable ones. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = StorableText.problem(value);
            if (problem != null) {
                throw new ForbiddenCharacterException(parser, "Text " + problem, value);
            }
            return value;
        }
    }
}
