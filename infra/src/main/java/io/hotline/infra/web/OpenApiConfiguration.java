package io.hotline.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description served at {@code /v3/api-docs}, generated from the controllers and completed with what
 * the generator cannot see: how to sign in (HTTP Basic, a bearer token from the identity provider, or the
 * console's session cookie with its CSRF header) and the answers each operation really gives, refusals included,
 * with the problem schema every refusal uses. Open311 and the health probes are public, and Open311 refuses with
 * GeoReport error lists instead of problems.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    /** Operations that answer 201 with a Location when they create something. */
    private static final Set<String> CREATING = Set.of("/api/v1/cases", "/api/v1/admin/accounts",
            "/api/v1/admin/open311/keys", "/api/v1/admin/privacy/erasures");

    @Bean
    OpenAPI hotlineOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Hotline 12345 — citizen complaint and petition intake (诉求受理)")
                        .version("v1")
                        .description("""
                                Commands on a case answer its new version; read the case view with \
                                ?atLeastVersion= to see your own change. Refusals are application/problem+json \
                                naming the field and the rule: 400 invalid input, 401 not signed in, 403 not your \
                                case or role, 404 no such case, 409 the case's state forbids it or it changed \
                                meanwhile, 413 body too large, 415 not JSON, 429 too many failed sign-ins."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("Local accounts (app.security.mode=local)"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A token of the city's identity provider (app.security.mode=oidc)"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION")
                                .description("The console's session from POST /login; changes also need the "
                                        + "X-XSRF-TOKEN header copied from the XSRF-TOKEN cookie")))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("bearer"),
                        new SecurityRequirement().addList("session")));
    }

    /** Adds the real answers to every operation the generator listed. */
    @Bean
    OpenApiCustomizer realAnswers() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // added here, not in the bean above: the generator drops schemas it did not see referenced
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (path.startsWith("/open311/") || path.startsWith("/actuator")) {
            operation.setSecurity(List.of()); // public, as GeoReport v2 and the probes have it
            return;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (changes && CREATING.contains(path) && responses.containsKey("200")) {
            responses.addApiResponse("201", responses.remove("200").description("Created (see Location)"));
        }
        refusal(responses, "400", "Invalid input: the field and the rule it broke");
        refusal(responses, "401", "Not signed in, or wrong credentials");
        refusal(responses, "403", "Signed in, but this role or unit may not do this");
        if (path.contains("{")) {
            refusal(responses, "404", "No such resource (or not yours to see)");
        }
        if (changes) {
            refusal(responses, "409", "The state forbids it, or it changed meanwhile: read again and retry");
            refusal(responses, "413", "Body too large");
            refusal(responses, "415", "Body is not application/json");
        }
        refusal(responses, "429", "Too many failed sign-ins: see Retry-After");
        operation.setResponses(responses);
    }

    private static void refusal(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
        }
    }

    private static Schema<?> problemSchema() {
        Schema<Object> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("reason", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; errors lists each field and the rule it broke")
                .properties(Map.of(
                        "type", new StringSchema(),
                        "title", new StringSchema(),
                        "status", new IntegerSchema(),
                        "detail", new StringSchema(),
                        "instance", new StringSchema(),
                        "code", new StringSchema().description("a stable code for the rule, where there is one"),
                        "errors", new ArraySchema().items(fieldError)));
    }
}
