package io.hotline.query.citizen;

import io.hotline.kernel.cases.CaseStatus;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * What the public tracking page shows a citizen who proved the case number and its 查询码: the status, the steps in
 * order (the page words them; units as codes, which the page names), the reply, and whether an evaluation is
 * awaited. {@code caseId} is what the evaluation is posted with, together with the same query code.
 *
 * @param evaluation OPEN (the form is shown until {@code evaluationOpenUntil}), DONE, EXPIRED (counted as
 *                   unanswered; an operator may still call back) or NONE (nothing replied yet, or the case ended)
 */
record CitizenTrack(String caseId, String caseNumber, String category, CaseStatus status, Instant registeredAt,
                    Instant due, List<Step> steps, Reply reply, Evaluation evaluation, Instant evaluationOpenUntil,
                    String evaluatedBy) {

    enum Evaluation { OPEN, DONE, EXPIRED, NONE }

    /** One step in plain words: its kind, the unit concerned (a code), and the text written for the citizen. */
    record Step(Instant at, String kind, String unit, String text, Instant due) {
    }

    record Reply(Instant at, String unit, String result, String text) {
    }

    static CitizenTrack of(Document stored, Duration invitationValidFor, Instant now) {
        List<Step> steps = stored.getList("steps", Document.class, List.of()).stream()
                .map(step -> new Step(instant(step, "at"), step.getString("kind"), step.getString("unit"),
                        step.getString("text"), instant(step, "due")))
                .sorted(Comparator.comparing(Step::at, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Document reply = stored.get("reply", Document.class);
        Document evaluated = stored.get("evaluation", Document.class);
        Instant invitedAt = instant(stored, "invitedAt");
        Instant openUntil = invitedAt == null ? null : invitedAt.plus(invitationValidFor);
        Evaluation evaluation;
        if (evaluated != null) {
            evaluation = Evaluation.DONE;
        } else if (!Boolean.TRUE.equals(stored.getBoolean("awaitingEvaluation"))) {
            evaluation = Evaluation.NONE;
        } else {
            evaluation = now.isBefore(openUntil) ? Evaluation.OPEN : Evaluation.EXPIRED;
        }
        return new CitizenTrack(stored.getString("_id"), stored.getString("caseNumber"), stored.getString("category"),
                CaseStatus.valueOf(stored.getString("status")), instant(stored, "registeredAt"), instant(stored, "due"),
                steps,
                reply == null ? null : new Reply(instant(reply, "at"), reply.getString("unit"), reply.getString("result"),
                        reply.getString("text")),
                evaluation, evaluation == Evaluation.OPEN ? openUntil : null,
                evaluated == null ? null : evaluated.getString("channel"));
    }

    private static Instant instant(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant() : value instanceof Instant instant ? instant : null;
    }
}
