package io.hotline.query.readmodel;

import java.util.Optional;

/**
 * A read-model document keyed by something other than the case (a unit, a board queue, a day, a phone hash, a case
 * number) that holds one entry per case: the case-view projection moves a case's entries between such documents the
 * same way whichever kind they are.
 *
 * @param <D> the document
 * @param <E> its entry
 */
public interface CaseEntryDocument<D extends CaseEntryDocument<D, E>, E> {

    /** The case's entry here, if it has one. */
    Optional<E> entry(String caseId);

    /** This document with the case's entry put in (or replaced). */
    D with(E entry);

    /** This document without the case. */
    D without(String caseId);
}
