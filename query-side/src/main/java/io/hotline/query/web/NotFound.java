package io.hotline.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 answered as problem+json; used alike for a missing case and one outside the reader's scope. */
public final class NotFound {

    private NotFound() {
    }

    public static ResponseStatusException caseNotFound(String caseId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No case " + caseId);
    }
}
