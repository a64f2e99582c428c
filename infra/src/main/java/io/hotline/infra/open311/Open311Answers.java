package io.hotline.infra.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Turns an answer into the body the standard asks for, in the format the path named. JSON is written by a mapper
 * of its own, so the standard's shape (snake_case names, nulls written out as the schemas allow) does not depend
 * on, or change, how the rest of the API writes JSON.
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
        return answer(refusal.status(), format, "errors", refusal.errors());
    }

    static ResponseEntity<String> answer(HttpStatus status, Format format, String xmlRoot, Object body) {
        JsonNode tree = JSON.valueToTree(body);
        String text = format == Format.XML ? Open311Xml.write(xmlRoot, tree) : tree.toString();
        return ResponseEntity.status(status).contentType(format.mediaType()).body(text);
    }
}
