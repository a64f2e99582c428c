package io.hotline.query.audit.trail;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * One line of the access trail: someone saw the citizen's personal data, or took a document out of the system.
 *
 * @param id            the reveal event's id, or a fresh id for an export
 * @param kind          {@code PERSONAL_DATA_REVEALED} or {@code EXPORT}
 * @param at            when
 * @param userId        who
 * @param unitId        for which unit
 * @param standingInFor whom they stood in for, or null
 * @param roles         in which roles
 * @param subject       what was taken: {@code case-history}, {@code unit-bulletin}, {@code personal-data}
 * @param caseId        the case, for a case's history or a reveal
 * @param caseNumber    its number, when known
 * @param periodFrom    first day of a bulletin's period
 * @param periodTo      last day of a bulletin's period
 * @param format        {@code json}, {@code html} or {@code csv} for an export
 * @param reason        the reason stated for a reveal
 */
record TrailEntry(String id, String kind, Instant at, String userId, String unitId, String standingInFor,
                  List<String> roles, String subject, String caseId, String caseNumber, String periodFrom,
                  String periodTo, String format, String reason) {

    static final String REVEAL = "PERSONAL_DATA_REVEALED";
    static final String EXPORT = "EXPORT";

    Document toDocument() {
        return new Document("_id", id)
                .append("kind", kind)
                .append("at", Date.from(at))
                .append("userId", userId)
                .append("unitId", unitId)
                .append("standingInFor", standingInFor)
                .append("roles", roles)
                .append("subject", subject)
                .append("caseId", caseId)
                .append("caseNumber", caseNumber)
                .append("periodFrom", periodFrom)
                .append("periodTo", periodTo)
                .append("format", format)
                .append("reason", reason);
    }

    static TrailEntry of(Document stored) {
        Date at = stored.getDate("at");
        return new TrailEntry(stored.getString("_id"), stored.getString("kind"), at == null ? null : at.toInstant(),
                stored.getString("userId"), stored.getString("unitId"), stored.getString("standingInFor"),
                stored.getList("roles", String.class), stored.getString("subject"), stored.getString("caseId"),
                stored.getString("caseNumber"), stored.getString("periodFrom"), stored.getString("periodTo"),
                stored.getString("format"), stored.getString("reason"));
    }
}
