package io.hotline.scaleout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every HTTP call the failure tests make to a node goes through here, so the way a caller identifies itself is
 * one line: today every request acts as the intake desk (an operator); once sign-in exists, set the system
 * property {@value #AUTHORIZATION_PROPERTY} (e.g. {@code -Dhotline.test.authorization="Basic b3A6c2VjcmV0"})
 * and it is sent as the {@code Authorization} header of every request.
 */
final class NodeClient {

    static final String AUTHORIZATION_PROPERTY = "hotline.test.authorization";
    static final String ADMIN_PASSWORD = "scaleout-admin-password-01";
    static final String OPERATOR = "op-scaleout";
    static final String OPERATOR_PASSWORD = "scaleout-operator-pass-01";

    /** A complaint as an operator registers it; {@code %s}: request id, category, urgency. */
    private static final String REGISTRATION = """
            {"requestId":"%s","channel":"HOTLINE","category":"%s","urgency":"%s","title":"路灯不亮",
             "content":"小区门口路灯坏了三天","citizen":{"name":"张三","phone":"13800138000"},"area":"370602"}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a node answered. */
    record Reply(int status, Map<String, Object> body) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        long version() {
            return ((Number) body.get("version")).longValue();
        }

        String caseId() {
            return (String) body.get("caseId");
        }

        String code() {
            return body == null ? null : (String) body.get("code");
        }
    }

    /** The node did not answer (refused, reset, timed out): the request may or may not have taken effect. */
    static final class NodeUnreachable extends RuntimeException {
        NodeUnreachable(String node, Throwable cause) {
            super(node + " unreachable: " + cause, cause);
        }
    }

    private final String name;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    NodeClient(String name, int port) {
        this.name = name;
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    String name() {
        return name;
    }

    /** 受理: registers a request (the same request id again answers with the same case). */
    CompletableFuture<Reply> register(String requestId, String category, String urgency) {
        return post("/api/v1/cases", REGISTRATION.formatted(requestId, category, urgency));
    }

    /** A case command: {@code POST /api/v1/cases/{caseId}/{action}} with a JSON body. */
    CompletableFuture<Reply> command(String caseId, String action, Map<String, ?> body) {
        try {
            return post("/api/v1/cases/" + caseId + "/" + action, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** True when {@code /actuator/health} answers UP. */
    boolean healthy() {
        try {
            // No credentials: health is open, and the test operator may not exist yet.
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health"))
                            .timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Reply> post(String path, String json) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new NodeUnreachable(name, failure instanceof CompletionException c ? c.getCause() : failure);
                    }
                    return new Reply(response.statusCode(), parse(response.body()));
                });
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        String authorization = System.getProperty(AUTHORIZATION_PROPERTY, basic(OPERATOR, OPERATOR_PASSWORD));
        builder.header("Authorization", authorization);
        return builder;
    }

    /** The operator every test request acts as; accounts live in the shared store, so one node creating it serves all. */
    void ensureOperatorAccount() {
        String body = "{\"username\":\"%s\",\"password\":\"%s\",\"unit\":\"HOTLINE\",\"roles\":[\"OPERATOR\"]}"
                .formatted(OPERATOR, OPERATOR_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/admin/accounts")).timeout(TIMEOUT)
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot create the test operator on " + name + ": " + status);
            }
        } catch (java.io.IOException e) {
            throw new NodeUnreachable(name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            return Map.of("unparsed", body);
        }
    }

    @Override
    public String toString() {
        return name + "@" + base;
    }
}
