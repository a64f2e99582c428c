package io.hotline.command.citizen;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Duration;

/** The public page's refusals, as problem+json with a stable code, worded for a citizen. */
final class PublicProblems {

    private PublicProblems() {
    }

    /** A wrong code and an unknown number are answered alike: the answer must not tell that the case exists. */
    static ResponseEntity<Object> notFound() {
        return problem(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND",
                "No case with this query code.");
    }

    static ResponseEntity<Object> tooManyAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ResponseEntity<Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS",
                "Too many attempts; try again in " + seconds + " seconds.");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem.getBody());
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
