package io.hotline.command.open311;

import io.hotline.kernel.cases.CaseIds;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Settings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * GeoReport v2 "create a service request": a reporting app posts a form with its API key, and the request is
 * registered as a case through the normal command path ({@link RegisterCase}, channel {@code OPEN311}), under the
 * same rules as a call: every request is accepted. A place or a photo link given with it is recorded beside the
 * registration ({@code CaseLocated}).
 *
 * <h2>Idempotent on the app's retry</h2>
 * The request id, from which the case id derives, is {@code o311:<keyId>:<value>}, where the value is the SHA-256
 * of the app's {@code Idempotency-Key} header when it sends one, and otherwise the SHA-256 of every field it
 * submitted but the key. So a retried post (a lost answer, a timeout) finds the case it registered the first time
 * and answers the same {@code service_request_id}; two apps never share a case; and an app that really reports the
 * same thing twice in the same words gets one case, which is what our duplicate merging (并单) would make of it
 * anyway. An app that wants two cases for identical text sends two different {@code Idempotency-Key}s.
 *
 * <p>The answer comes once the registration is stored. {@code service_request_id} is the case id;
 * {@code token} is the case number (the number citizens hear on the phone), which the token endpoint maps back to
 * the id.
 */
@RestController
class Open311Intake {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(Open311Intake.class);

    private final CommandGateway commands;
    private final ReportingApps apps;
    private final Open311Settings settings;

    Open311Intake(CommandGateway commands, ReportingApps apps, Open311Settings settings) {
        this.commands = commands;
        this.apps = apps;
        this.settings = settings;
    }

    /**
     * The answer to a created (or retried) request, as the standard lists it; without {@code account_id}, which we
     * do not keep (and the schema allows no null there).
     */
    record Created(String serviceRequestId, String token, String serviceNotice) {
    }

    @PostMapping("/open311/v2/requests.{format}")
    Mono<ResponseEntity<String>> create(@PathVariable String format, ServerWebExchange exchange) {
        Format answer = Format.of(format);
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type != null && !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return Mono.just(Open311Answers.refused(answer, new Open311Refusal(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "body", "send application/x-www-form-urlencoded")));
        }
        return exchange.getFormData()
                .onErrorMap(DataBufferLimitException.class, e -> new Open311Refusal(
                        HttpStatus.PAYLOAD_TOO_LARGE.value(), "body", "too large"))
                .map(body -> merged(body, exchange.getRequest().getQueryParams()))
                .flatMap(form -> {
                    settings.checkJurisdiction(form.getFirst("jurisdiction_id"));
                    return apps.verify(form.getFirst(ServiceRequestForm.API_KEY)).flatMap(client -> client
                            .map(found -> file(answer, found, form, exchange))
                            .orElseGet(() -> Mono.error(new Open311Refusal(HttpStatus.FORBIDDEN.value(), "api_key",
                                    "missing, unknown or revoked"))));
                });
    }

    private Mono<ResponseEntity<String>> file(Format answer, ApiClient client, MultiValueMap<String, String> form,
                                              ServerWebExchange exchange) {
        var wait = apps.take(client.keyId());
        if (wait.isPresent()) {
            log.warn("Open311 key {} is over its rate; request refused", client.keyId());
            ResponseEntity<String> refused = Open311Answers.refused(answer, new Open311Refusal(
                    HttpStatus.TOO_MANY_REQUESTS.value(), "api_key", "too many requests; try again later"));
            return Mono.just(ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(wait.get()))).body(refused.getBody()));
        }
        FiledRequest filed = ServiceRequestForm.read(form, settings);
        String idempotencyKey = exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY);
        String requestId = "o311:" + client.keyId() + ":" + (idempotencyKey == null || idempotencyKey.isBlank()
                ? filed.fingerprint() : ServiceRequestForm.sha256("idempotency-key:" + idempotencyKey.strip()));
        RegisterCase command = new RegisterCase(CaseIds.forRequest(requestId), requestId, Channel.OPEN311,
                filed.category(), filed.urgency(), filed.title(), filed.description(), filed.citizen(), filed.area(),
                client.actor(), filed.location(), filed.mediaUrls());
        return Mono.fromFuture(() -> commands.<RegistrationReceipt>send(command))
                .map(receipt -> Open311Answers.ok(answer, "service_requests", List.of(new Created(receipt.caseId(),
                        receipt.caseNumber(), "受理编号 " + receipt.caseNumber() + ": registered with the city hotline; "
                        + "follow it with GET requests/" + receipt.caseId() + "." + answer.name().toLowerCase()))));
    }

    /** The form's fields, then any the app put in the query string (the standard's own examples do both). */
    private static MultiValueMap<String, String> merged(MultiValueMap<String, String> body,
                                                        MultiValueMap<String, String> query) {
        MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
        body.forEach(all::addAll);
        query.forEach((name, values) -> values.forEach(value -> all.add(name, value)));
        return all;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
