package io.hotline.query.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The public reads of GeoReport v2: list requests, get one, and resolve a token. Open to anyone as the standard
 * has it, which is why they show only what {@link ServiceRequest} holds (never the person) and only requests
 * filed through Open311. They read the query side's models.
 */
@RestController
class RequestsController {

    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CASE_NUMBER = Pattern.compile("\\d{8}-\\d{6,9}");

    private final ServiceRequests requests;
    private final Open311Settings settings;
    private final Clock clock;

    RequestsController(ServiceRequests requests, Open311Settings settings, Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token and the request it stands for; without the request while it is not known yet, as GeoReport has it. */
    record TokenAnswer(@JsonInclude(JsonInclude.Include.NON_NULL) String serviceRequestId, String token) {
    }

    @GetMapping("/open311/v2/requests.{format}")
    Mono<ResponseEntity<String>> list(@PathVariable String format, ServerWebExchange exchange) {
        Format answer = Format.of(format);
        var parameters = exchange.getRequest().getQueryParams();
        settings.checkJurisdiction(parameters.getFirst("jurisdiction_id"));
        RequestQuery query = RequestQuery.from(parameters, clock.instant());
        return requests.list(query).map(found -> Open311Answers.ok(answer, "service_requests", found));
    }

    @GetMapping("/open311/v2/requests/{serviceRequestId}.{format}")
    Mono<ResponseEntity<String>> one(@PathVariable String serviceRequestId, @PathVariable String format,
                                     @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format answer = Format.of(format);
        settings.checkJurisdiction(jurisdiction);
        if (!CASE_ID.matcher(serviceRequestId).matches()) {
            return Mono.error(unknown("service_request_id"));
        }
        return requests.one(serviceRequestId)
                .map(found -> Open311Answers.ok(answer, "service_requests", List.of(found)))
                .switchIfEmpty(Mono.error(unknown("service_request_id")));
    }

    @GetMapping("/open311/v2/tokens/{token}.{format}")
    Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format,
                                       @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format answer = Format.of(format);
        settings.checkJurisdiction(jurisdiction);
        if (!CASE_NUMBER.matcher(token).matches()) {
            return Mono.error(unknown("token"));
        }
        return requests.caseIdForToken(token)
                .map(caseId -> new TokenAnswer(caseId, token))
                .defaultIfEmpty(new TokenAnswer(null, token))
                .map(found -> Open311Answers.ok(answer, "service_requests", List.of(found)));
    }

    private static Open311Refusal unknown(String what) {
        return new Open311Refusal(HttpStatus.NOT_FOUND.value(), what, "no such request");
    }
}
