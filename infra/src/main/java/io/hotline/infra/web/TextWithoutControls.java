package io.hotline.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Every text read from a JSON request body, wherever it sits, is refused when it holds {@link ControlCharacters}:
 * the refusal names the field ({@code citizen.name: must not contain control characters}) and nothing is changed.
 */
final class TextWithoutControls extends StdScalarDeserializer<String> {

    TextWithoutControls() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && ControlCharacters.foundIn(text)) {
            throw new Refused(parser, text);
        }
        return text;
    }

    /** The refusal, told apart from other unreadable values so the answer can say which rule was broken. */
    static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String text) {
            super(parser, ControlCharacters.REASON, text, String.class);
        }
    }
}
