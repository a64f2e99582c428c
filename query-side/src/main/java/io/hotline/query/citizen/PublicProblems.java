package io.hotline.query.citizen;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The public page's refusals, as problem+json with a stable code, worded for a citizen. */
final class PublicProblems {

    private PublicProblems() {
    }

    /** A wrong code and an unknown number are answered alike: the answer must not tell that the case exists. */
    static ResponseEntity<Object> notFound() {
        return problem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND",
                "No case with this number and query code. Check both and try again.");
    }

    static ResponseEntity<Object> tooManyAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                "Too many attempts; try again in " + seconds + " seconds.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem.getBody());
    }

    /** Fields that break their format: {@code errors: [{field, reason}]}, as every other 400 of the API. */
    static ResponseEntity<Object> invalid(List<Map<String, String>> errors) {
        String fields = errors.stream().map(error -> error.get("field")).collect(Collectors.joining(", "));
        ResponseEntity<Object> problem = problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid fields: " + fields);
        ProblemDetail body = (ProblemDetail) problem.getBody();
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return problem;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
