package io.hotline.kernel.open311;

import java.util.List;

/**
 * A "no" the Open311 endpoint answers in the standard's own shape (a list of {@link Open311Error}s with the
 * status), never as problem+json: the reporting apps read this shape. Thrown by the Open311 handlers of either
 * side and turned into the answer by that side's refusal advice. The status is the bare HTTP code, so the
 * intake and the read side share this type without sharing a web framework.
 */
public final class Open311Refusal extends RuntimeException {

    private final int status;
    private final List<Open311Error> errors;

    public Open311Refusal(int status, List<String> descriptions) {
        super(status + " " + descriptions.size() + " error(s)", null, false, false);
        this.status = status;
        this.errors = descriptions.stream().map(description -> new Open311Error(status, description)).toList();
    }

    public Open311Refusal(int status, String field, String description) {
        this(status, List.of(field + ": " + description));
    }

    /** The HTTP status code of the answer. */
    public int status() {
        return status;
    }

    public List<Open311Error> errors() {
        return errors;
    }
}
