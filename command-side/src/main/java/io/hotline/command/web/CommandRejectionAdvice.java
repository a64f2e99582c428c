package io.hotline.command.web;

import io.hotline.command.cases.CaseRecordDamaged;
import io.hotline.command.cases.CaseRuleViolation;
import io.hotline.command.cases.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Refusals are answers: a broken rule maps to 403 (not your case or role), 404 (no such case, or a case your
 * unit cannot see: the same answer, so a command leaks no more than a read) or 409 (the case's state forbids it),
 * each with the stable code of the rule. Forbidden attempts are logged (who,
 * which case, which rule; never personal data).
 */
@RestControllerAdvice(basePackages = "io.hotline.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRejectionAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommandRejectionAdvice.class);

    @ExceptionHandler(CaseRuleViolation.class)
    ResponseEntity<ProblemDetail> rejected(CaseRuleViolation violation) {
        HttpStatus status = switch (violation.rejection().kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        if (status == HttpStatus.FORBIDDEN || violation.rejection() == Rejection.OUT_OF_SIGHT) {
            log.warn("Refused {} on case {}", violation.rejection(), violation.caseId());
        }
        if (violation.rejection() == Rejection.OUT_OF_SIGHT) {
            return notFound(null); // word for word the answer for a case that does not exist
        }
        return problem(status, violation.rejection().name(), violation.rejection().message());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No such case.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "Someone else changed this case at the same moment; read it again and retry.");
    }

    /**
     * The case's record lost events in the store. Not the caller's mistake, but not a crash either: the command is
     * refused with a clear answer (the loader has raised the integrity alert) and the case stays as it was.
     */
    @ExceptionHandler(CaseRecordDamaged.class)
    ResponseEntity<ProblemDetail> damaged(CaseRecordDamaged e) {
        return problem(HttpStatus.CONFLICT, "CASE_RECORD_DAMAGED", "The stored record of this case is damaged: "
                + "it takes no command until an auditor has verified and restored it. Nothing was changed.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remote(CommandExecutionException e) {
        if (e.getCause() instanceof CaseRuleViolation violation) {
            return rejected(violation);
        }
        if (e.getCause() instanceof CaseRecordDamaged damaged) {
            return damaged(damaged);
        }
        log.error("Command failed on another node", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED",
                "The command could not be completed; nothing was acknowledged.");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
