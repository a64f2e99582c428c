package io.hotline.kernel.cases;

import io.hotline.kernel.common.Actor;
import java.time.Instant;
import java.util.List;

/** 补充材料: the unit asked the citizen for these items. repeated marks a second request on the case: a 一次性告知 violation. */
public record MaterialsRequested(
        String caseId,
        String unit,
        List<String> items,
        boolean repeated,
        Actor actor,
        Instant at) {
}
