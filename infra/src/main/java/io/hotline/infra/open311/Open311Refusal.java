package io.hotline.infra.open311;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A "no" the Open311 endpoint answers in the standard's own shape (a list of {@link Open311Error}s with the
 * status), never as problem+json: the reporting apps read this shape. Thrown by the Open311 handlers and turned
 * into the answer by {@link Open311Refusals}.
 */
final class Open311Refusal extends RuntimeException {

    private final HttpStatus status;
    private final List<Open311Error> errors;

    Open311Refusal(HttpStatus status, List<String> descriptions) {
        super(status + " " + descriptions.size() + " error(s)", null, false, false);
        this.status = status;
        this.errors = descriptions.stream().map(description -> new Open311Error(status.value(), description))
                .toList();
    }

    Open311Refusal(HttpStatus status, String field, String description) {
        this(status, List.of(field + ": " + description));
    }

    HttpStatus status() {
        return status;
    }

    List<Open311Error> errors() {
        return errors;
    }
}
