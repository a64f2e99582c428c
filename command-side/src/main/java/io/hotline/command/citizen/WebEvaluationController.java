package io.hotline.command.citizen;

import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.cases.CaseAcknowledged;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.RecordFeedback;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.citizen.QueryCodes;
import io.hotline.kernel.common.Actor;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 网上评价: the citizen's evaluation from the public tracking page, without an account.
 * <ul>
 *   <li>{@code GET /api/public/v1/evaluations/scale}: the levels of the satisfaction scale in use, for the form;</li>
 *   <li>{@code POST /api/public/v1/evaluations}: {@link WebEvaluation}; the query code must be the case's, else the
 *       same 404 as an unknown case, rationed like a wrong password and recorded for the auditors. Then the case
 *       decides, as for any evaluation: {@code RecordFeedback} on channel WEB by {@link Actor#CITIZEN}, which the
 *       case lets evaluate once per reply while the invitation is open (409 with the rule's code otherwise) and do
 *       nothing else.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/public/v1/evaluations")
class WebEvaluationController {

    private final CommandGateway commands;
    private final QueryCodes codes;
    private final CitizenAttempts attempts;
    private final SatisfactionScale scale;

    WebEvaluationController(CommandGateway commands, QueryCodes codes, CitizenAttempts attempts,
                            SatisfactionScale scale) {
        this.commands = commands;
        this.codes = codes;
        this.attempts = attempts;
        this.scale = scale;
    }

    /** The levels offered, best first, and which of them count as satisfied. */
    record Scale(List<Satisfaction> levels, List<Satisfaction> countedAsSatisfied) {
    }

    @GetMapping("/scale")
    Scale scale() {
        List<Satisfaction> levels = Arrays.stream(Satisfaction.values()).filter(scale::offers).toList();
        return new Scale(levels, levels.stream().filter(scale::countsAsSatisfied).toList());
    }

    @PostMapping
    Mono<ResponseEntity<Object>> evaluate(@Valid @RequestBody WebEvaluation evaluation, ServerWebExchange exchange) {
        String address = address(exchange);
        String caseKey = "case:" + evaluation.caseId();
        Optional<Duration> wait = attempts.admit(address, caseKey);
        if (wait.isPresent()) {
            return attempts.refused(exchange, HttpStatus.TOO_MANY_REQUESTS, "web evaluation throttled")
                    .thenReturn(PublicProblems.tooManyAttempts(wait.get()));
        }
        if (!codes.matches(evaluation.caseId(), evaluation.queryCode())) {
            attempts.failed(address, caseKey);
            return attempts.refused(exchange, HttpStatus.NOT_FOUND, "web evaluation: wrong query code")
                    .thenReturn(PublicProblems.notFound());
        }
        RecordFeedback command = new RecordFeedback(evaluation.caseId(), FeedbackChannel.WEB,
                evaluation.satisfaction(), evaluation.solved(), evaluation.commentOrNull(), Actor.CITIZEN);
        return Mono.fromFuture(commands.<CaseAcknowledged>send(command))
                .map(acknowledged -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(acknowledged));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
