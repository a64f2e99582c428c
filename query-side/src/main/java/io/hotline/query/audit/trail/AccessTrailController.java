package io.hotline.query.audit.trail;

import io.hotline.kernel.access.Action;
import io.hotline.query.audit.AuditParameters;
import io.hotline.query.audit.AuditorGate;
import io.hotline.query.audit.Listing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Who saw personal data and who exported what ({@code GET /api/v1/audit/access-trail}), and who was turned away
 * ({@code GET /api/v1/audit/access-denials}), newest first. {@code from}/{@code to} take an instant or a local
 * day; {@code user} matches who acted or whom they stood in for.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AccessTrailController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 500;

    private final AuditorGate gate;
    private final AccessTrail trail;
    private final AuditParameters parameters;

    AccessTrailController(AuditorGate gate, AccessTrail trail, ZoneId zone) {
        this.gate = gate;
        this.trail = trail;
        this.parameters = new AuditParameters(zone);
    }

    @GetMapping("/access-trail")
    Mono<Listing<TrailEntry>> accessTrail(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String user,
                                          @RequestParam(required = false) String caseId,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          ServerWebExchange exchange) {
        Window window = window(from, to, user, page, size);
        String theCase = AuditParameters.optionalCaseId(caseId);
        return gate.admit(exchange, Action.AUDIT).flatMap(auditor -> trail.list(window.first(), window.last(),
                window.who(), theCase, window.page(), window.size()));
    }

    @GetMapping("/access-denials")
    Mono<Listing<DeniedRequests.Denial>> accessDenials(@RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to,
                                                    @RequestParam(required = false) String user,
                                                    @RequestParam(required = false) Integer status,
                                                    @RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size,
                                                    ServerWebExchange exchange) {
        Window window = window(from, to, user, page, size);
        if (status != null && (status < 400 || status > 499)) {
            throw AuditParameters.invalid("status", "must be a 4xx status such as 401 or 403");
        }
        return gate.admit(exchange, Action.AUDIT).flatMap(auditor -> trail.denials(window.first(), window.last(),
                window.who(), status, window.page(), window.size()));
    }

    /** The filters both listings take: a time window, a user, and the page. */
    private record Window(Instant first, Instant last, String who, int page, int size) {
    }

    private Window window(String from, String to, String user, Integer page, Integer size) {
        return new Window(parameters.bound("from", from), parameters.bound("to", to), AuditParameters.user(user),
                AuditParameters.page(page), AuditParameters.size(size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
    }
}
