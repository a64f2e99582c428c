package io.hotline.command.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * {@code POST /api/v1/notifications/inbound}: the city message platform hands over an SMS a citizen sent to the
 * hotline's number, as {@code {"messageId","from","text"}}, signed like the outgoing calls
 * ({@link WebhookSignatures}). Open at the web edge, because the platform proves itself by the signature: a
 * missing one is 400, a forged one or a stale timestamp 401, a replayed call 409, each a problem, recorded, with
 * nothing changed. An accepted call answers 200 with what became of the message, whatever the citizen wrote.
 */
@RestController
class InboundWebhookController {

    static final String PATH = "/api/v1/notifications/inbound";

    private final WebhookCalls gate;
    private final InboundMessages messages;
    private final ObjectMapper json;

    InboundWebhookController(NotificationSettings settings, InboundMessages messages, ObjectMapper json,
                             org.springframework.data.mongodb.MongoDatabaseFactory mongo, java.time.Clock clock) {
        this.gate = new WebhookCalls(settings.webhook(), mongo.getMongoDatabase(), clock);
        this.messages = messages;
        this.json = json;
    }

    @PostMapping(PATH)
    Mono<ResponseEntity<Object>> inbound(@RequestHeader(name = WebhookSignatures.TIMESTAMP_HEADER, required = false) String timestamp,
                                    @RequestHeader(name = WebhookSignatures.SIGNATURE_HEADER, required = false) String signature,
                                    @RequestBody(required = false) byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        return Mono.fromCallable(() -> handle(timestamp, signature, content)).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<Object> handle(String timestamp, String signature, byte[] body) {
        var refusal = gate.check(timestamp, signature, body);
        if (refusal.isPresent()) {
            return problem(HttpStatus.valueOf(refusal.get().status), refusal.get().name(), switch (refusal.get()) {
                case MISSING_SIGNATURE -> WebhookSignatures.TIMESTAMP_HEADER + ", " + WebhookSignatures.SIGNATURE_HEADER
                        + ": both are required";
                case NOT_CONFIGURED -> "No message platform is configured to call this hotline.";
                case BAD_SIGNATURE -> WebhookSignatures.SIGNATURE_HEADER + ": does not match the body and timestamp";
                case STALE_TIMESTAMP -> WebhookSignatures.TIMESTAMP_HEADER + ": too far from now";
                case REPLAYED -> "This call was received before.";
            });
        }
        JsonNode call;
        try {
            call = json.readTree(body);
        } catch (IOException e) {
            call = null;
        }
        if (call == null || !call.path("messageId").isTextual() || !call.path("from").isTextual()) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_CALL", "messageId, from: required text fields");
        }
        String text = call.path("text").isTextual() ? call.path("text").asText() : null;
        InboundMessages.Outcome outcome = messages.receive(new InboundSms("webhook", call.get("messageId").asText(),
                call.get("from").asText(), text));
        return ResponseEntity.ok((Object) Map.of("outcome", outcome.name()));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body((Object) problem);
    }
}
