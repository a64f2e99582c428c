package io.hotline.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GeoReport v2 JSON Schemas (copied unchanged from {@code shared/open311/georeport-v2/} into the test
 * resources, so a clean clone has them): {@code services.json}, {@code service-definition.json},
 * {@code requests.json} (which refers to {@code request.json} by a relative {@code $ref}, resolved beside it on
 * the class path). The create and token answers have no schema file of their own; they are checked against the
 * Swagger description's {@code RequestResponse} and {@code TokenResponse} definitions. The schemas name no draft;
 * they are read as draft 4, with formats ({@code date-time}, {@code uri}) asserted.
 */
final class GeoReportSchemas {

    static final String SERVICES = "services.json";
    static final String SERVICE_DEFINITION = "service-definition.json";
    static final String REQUESTS = "requests.json";
    static final String REQUEST_RESPONSE = "swagger.json#/definitions/RequestResponse";
    static final String TOKEN_RESPONSE = "swagger.json#/definitions/TokenResponse";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private GeoReportSchemas() {
    }

    /** Asserts {@code body} is valid against the schema; answers it read as a tree. */
    static JsonNode valid(String schema, String body) {
        JsonNode tree = read(body);
        Set<ValidationMessage> errors = schema(schema).validate(tree);
        assertThat(errors).as(schema + " for " + body).isEmpty();
        return tree;
    }

    /** Asserts {@code body} is a JSON list whose every item is valid against {@code itemSchema}. */
    static JsonNode validItems(String itemSchema, String body) {
        JsonNode tree = read(body);
        assertThat(tree.isArray()).as("a list: " + body).isTrue();
        JsonSchema schema = schema(itemSchema);
        tree.forEach(item -> assertThat(schema.validate(item)).as(itemSchema + " for " + item).isEmpty());
        return tree;
    }

    static JsonSchema schema(String name) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:open311/" + name), CONFIG);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
