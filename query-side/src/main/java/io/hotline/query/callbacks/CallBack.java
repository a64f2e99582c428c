package io.hotline.query.callbacks;

import java.time.Instant;

/**
 * One line of the call-back workbench: the case, the reply's gist and time, and the complainant's masked name and
 * phone (the full number only through the recorded reveal). {@code invitationOpenUntil} is when the citizen's own
 * answer (SMS, web) stops being taken; past it only this call-back records an evaluation.
 */
public record CallBack(String caseId, String caseNumber, String title, String category, Instant repliedAt,
                       String unit, String result, String gist, String citizenName, String maskedPhone,
                       Instant invitationOpenUntil, boolean invitationExpired) {
}
