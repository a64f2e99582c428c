package io.hotline.command.knowledge;

import io.hotline.command.web.Callers;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.knowledge.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The knowledge base's command API ({@code /api/v1/knowledge/articles}): a unit drafts (201 with the new article's
 * id), edits or revises, submits and withdraws its own articles; a knowledge editor approves (publishes) or returns
 * them; an operator flags a version unhelpful or outdated. Each answers the article's new version in the log once
 * its events are stored. Refusals are problem+json with the rule's code ({@link ArticleRejection}); a refused
 * content names the field too.
 */
@RestController
@RequestMapping("/api/v1/knowledge/articles")
class ArticleCommandsController {

    static final String ARTICLE_ID = "[A-Za-z0-9-]{1,64}";
    private static final Logger log = LoggerFactory.getLogger(ArticleCommandsController.class);
    /** The field a refused content names, for the rules about one field. */
    private static final Map<ArticleRejection, String> FIELDS = Map.of(
            ArticleRejection.AREA_INVALID, "areas",
            ArticleRejection.PERIOD_REVERSED, "effectiveUntil",
            ArticleRejection.REASON_REQUIRED, "reason",
            ArticleRejection.EXPIRED_BEFORE_PUBLICATION, "effectiveUntil");

    private final CommandGateway commands;
    private final Callers callers;

    ArticleCommandsController(CommandGateway commands, Callers callers) {
        this.commands = commands;
        this.callers = callers;
    }

    /** 起草: the draft belongs to the caller's unit. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ArticleAcknowledged> draft(@Valid @RequestBody ArticleRequests.Content body) {
        String articleId = UUID.randomUUID().toString();
        return send(actor -> new DraftArticle(articleId, actor.unitId(), body.content(), actor));
    }

    /** 修改/修订: a new content for the draft, or a revision of the published article. */
    @PostMapping("/{articleId}/draft")
    Mono<ArticleAcknowledged> edit(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId,
                                   @Valid @RequestBody ArticleRequests.Content body) {
        return send(actor -> new UpdateArticleDraft(articleId, body.content(), actor));
    }

    @PostMapping("/{articleId}/submission")
    Mono<ArticleAcknowledged> submit(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId) {
        return send(actor -> new SubmitArticle(articleId, actor));
    }

    @PostMapping("/{articleId}/approval")
    Mono<ArticleAcknowledged> approve(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId) {
        return send(actor -> new ApproveArticle(articleId, actor));
    }

    @PostMapping("/{articleId}/return")
    Mono<ArticleAcknowledged> giveBack(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId,
                                       @Valid @RequestBody ArticleRequests.Reason body) {
        return send(actor -> new ReturnArticle(articleId, body.reason(), actor));
    }

    @PostMapping("/{articleId}/withdrawal")
    Mono<ArticleAcknowledged> withdraw(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId,
                                       @Valid @RequestBody ArticleRequests.Reason body) {
        return send(actor -> new WithdrawArticle(articleId, body.reason(), actor));
    }

    @PostMapping("/{articleId}/flags")
    Mono<ArticleAcknowledged> flag(@PathVariable @Pattern(regexp = ARTICLE_ID) String articleId,
                                   @Valid @RequestBody ArticleRequests.Flag body) {
        return send(actor -> new FlagArticle(articleId, body.articleVersion(), body.flag(), body.reason(),
                body.caseId(), actor));
    }

    private Mono<ArticleAcknowledged> send(Function<Actor, Object> command) {
        return callers.current().map(command)
                .flatMap(built -> Mono.fromFuture(() -> commands.<ArticleAcknowledged>send(built)));
    }

    // ------------------------------------------------------------------ refusals, for this controller's routes

    @ExceptionHandler(ArticleRuleViolation.class)
    ResponseEntity<ProblemDetail> rejected(ArticleRuleViolation violation) {
        ArticleRejection rejection = violation.rejection();
        if (rejection.status() == 403) {
            log.warn("Refused {} on an article", rejection);
        }
        ProblemDetail problem = problem(HttpStatus.valueOf(rejection.status()), rejection.name(), rejection.message());
        String field = FIELDS.get(rejection);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "reason", rejection.message())));
        }
        return answer(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remote(CommandExecutionException e) {
        if (e.getCause() instanceof ArticleRuleViolation violation) {
            return rejected(violation);
        }
        log.error("Article command failed on another node", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED",
                "The command could not be completed; nothing was acknowledged."));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return rejected(new ArticleRuleViolation(ArticleRejection.ARTICLE_NOT_FOUND));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Someone else changed this article at the same moment; read it again and retry."));
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
