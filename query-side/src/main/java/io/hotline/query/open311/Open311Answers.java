package io.hotline.query.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Xml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Turns an answer into the body the standard asks for, in the format the path named. JSON is written by a mapper
 * of its own, so the standard's shape (snake_case names, nulls written out as the schemas allow) does not depend
 * on, or change, how the rest of the API writes JSON. The intake has the same few lines for its answers: the
 * two sides share the standard's shapes (shared-kernel's {@code io.hotline.kernel.open311}), not web code.
 */
final class Open311Answers {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Open311Answers() {
    }

    /** {@code body} with status 200; {@code xmlRoot} names the XML document's root element. */
    static ResponseEntity<String> ok(Format format, String xmlRoot, Object body) {
        return answer(HttpStatus.OK, format, xmlRoot, body);
    }

    static ResponseEntity<String> refused(Format format, Open311Refusal refusal) {
        return answer(HttpStatus.valueOf(refusal.status()), format, "errors", refusal.errors());
    }

    private static ResponseEntity<String> answer(HttpStatus status, Format format, String xmlRoot, Object body) {
        JsonNode tree = JSON.valueToTree(body);
        String text = format == Format.XML ? Open311Xml.write(xmlRoot, JSON.convertValue(tree, Object.class))
                : tree.toString();
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(format.contentType())).body(text);
    }
}
