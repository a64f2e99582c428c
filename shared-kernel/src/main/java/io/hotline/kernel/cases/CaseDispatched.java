package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import java.util.List;

/** 已派单: the case went to its lead unit (now accountable, 首问) with its sign-for deadline. proposedUnit is what the dispatch catalogue suggested; catalogueOverridden says the operator chose otherwise. */
public record CaseDispatched(
        String caseId,
        String leadUnit,
        List<String> assistingUnits,
        String proposedUnit,
        boolean catalogueOverridden,
        Deadline signForDeadline,
        Actor actor,
        Instant at) {
}
