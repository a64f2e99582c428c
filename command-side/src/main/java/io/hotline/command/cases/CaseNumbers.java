package io.hotline.command.cases;

import java.time.Instant;

/**
 * Hands out the human-readable case number (工单编号), e.g. {@code 20261122-000123}: the hotline's local date
 * and a counter that is unique and increasing within that day. A port: the store decides how.
 */
public interface CaseNumbers {

    String next(Instant registeredAt);
}
