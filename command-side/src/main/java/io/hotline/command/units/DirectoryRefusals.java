package io.hotline.command.units;

import io.hotline.kernel.units.DirectoryProblem;
import io.hotline.kernel.units.DirectoryRule;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.Map;

/**
 * The unit directory's refusals as {@code application/problem+json}: 403 for someone who is not an administrator,
 * 409 when the directory's state stands in the way (a code taken, a parent out of service, a cycle), 400 for the
 * input itself; {@code errors} lists every problem with its row (of an imported file; 0 otherwise), field and rule.
 */
@RestControllerAdvice(assignableTypes = UnitDirectoryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryRefusals {

    @ExceptionHandler(DirectoryRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(DirectoryRuleViolation violation) {
        boolean forbidden = violation.problems().stream().anyMatch(p -> p.rule() == DirectoryRule.NOT_PERMITTED);
        HttpStatus status = forbidden ? HttpStatus.FORBIDDEN
                : violation.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        DirectoryProblem first = violation.problems().get(0);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.problems().size() == 1
                ? first.field() + ": " + first.detail()
                : violation.problems().size() + " problems; nothing was stored");
        problem.setTitle(first.rule().name());
        problem.setType(URI.create("urn:hotline:rejection:" + first.rule().name()));
        problem.setProperty("code", first.rule().name());
        problem.setProperty("errors", violation.problems().stream()
                .map(p -> Map.of("row", p.row(), "field", p.field(), "rule", p.rule().name(), "reason", p.detail()))
                .toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
