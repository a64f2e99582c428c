package io.hotline.query.figures.facts;

import io.hotline.query.figures.buckets.Cell;
import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one case adds to the figures, cell by cell: a pure function of its {@link CaseFacts}. Every figure
 * counts on the local day of the event that settles it, against the unit it judges:
 * <ul>
 *   <li>received / accepted: the registration day, the intake desk's unit;</li>
 *   <li>dispatched, and that case's transfers and objections: the day of the first dispatch, the unit first
 *       dispatched to (under 首问负责制 it owns the case until a lead unit is settled, so the case's passing
 *       around is counted against it);</li>
 *   <li>a sign-for step: the day it was settled (signed, or declared overdue first), its unit;</li>
 *   <li>a handling round's timeliness: the day it was settled (replied, or declared overdue first), its unit;</li>
 *   <li>an answer, and what is judged of it (handling time, the call-back's verdict, a reopening): the day of
 *       the answer, the answering unit. Evaluation and reopening come later but belong to the answer, so every
 *       rate built on replies is a true fraction of the replies of the period;</li>
 *   <li>a drafted reply under 办结审核: reviewed or returned, on the day drafted, the drafting unit; the review
 *       itself, on the day settled (approved, returned, or declared overdue first), the reviewing unit;</li>
 *   <li>a material request: its day, the asking unit;</li>
 *   <li>open / overdue: "now", the unit accountable now.</li>
 * </ul>
 * Whenever the facts change the projection adds {@code new - old}; because this is a function of the facts,
 * replaying the same events gives the same cells.
 */
public final class Contribution {

    private final Map<Cell, Tally> cells;

    private Contribution(Map<Cell, Tally> cells) {
        this.cells = cells;
    }

    public static Contribution of(CaseFacts facts, ZoneId zone) {
        Builder cells = new Builder(facts, zone);
        if (facts.registeredAt != null) {
            cells.at(facts.registeredAt, facts.intakeUnit)
                    .add(Count.RECEIVED, 1)
                    .add(Count.ACCEPTED, facts.accepted ? 1 : 0);
        }
        if (facts.dispatchedAt != null) {
            cells.at(facts.dispatchedAt, facts.firstUnit)
                    .add(Count.DISPATCHED, 1)
                    .add(Count.TRANSFERS, facts.transfers)
                    .add(Count.OBJECTIONS, facts.objections);
        }
        for (SignForStep step : facts.signFors) {
            if (step.judged()) {
                cells.at(step.judgedAt(), step.unit)
                        .add(Count.SIGN_FOR_JUDGED, 1)
                        .add(Count.SIGNED_ON_TIME, step.onTime() ? 1 : 0);
            }
        }
        for (AnswerRound round : facts.rounds) {
            if (round.judged()) {
                cells.at(round.judgedAt(), round.unit)
                        .add(Count.COMPLETION_JUDGED, 1)
                        .add(Count.COMPLETED_ON_TIME, round.onTime() ? 1 : 0);
            }
            if (round.replied()) {
                Tally answer = cells.at(round.repliedAt, round.unit).add(Count.REPLIES, 1);
                if (round.handlingSeconds != null) {
                    answer.addHandling(round.handlingSeconds);
                }
                answer.add(Count.INVITATIONS, round.invites ? 1 : 0);
                if (round.evaluated()) {
                    answer.add(Count.FEEDBACKS, 1)
                            .add(Count.SATISFIED, Boolean.TRUE.equals(round.satisfied) ? 1 : 0)
                            .add(Count.SOLVED, Boolean.TRUE.equals(round.solved) ? 1 : 0)
                            .add(Count.EVALUATION_DELAY_SECONDS,
                                    Math.max(0, Duration.between(round.repliedAt, round.feedbackAt).toSeconds()));
                    if (round.feedbackChannel != null) {
                        answer.add(Count.feedbacksBy(round.feedbackChannel), 1)
                                .add(Count.satisfiedBy(round.feedbackChannel),
                                        Boolean.TRUE.equals(round.satisfied) ? 1 : 0);
                    }
                }
                if (round.reopened) {
                    answer.add(Count.REOPENED, 1);
                }
            }
        }
        for (AnswerRound round : facts.rounds) {
            if (round.submitted() && round.approved != null) {
                cells.at(round.submittedAt, round.unit)
                        .add(Count.DRAFTS_REVIEWED, 1)
                        .add(Count.DRAFTS_RETURNED, round.approved ? 0 : 1);
            }
            if (round.reviewJudged()) {
                cells.at(round.reviewJudgedAt(), round.reviewer)
                        .add(Count.REVIEWS_JUDGED, 1)
                        .add(Count.REVIEWED_ON_TIME, round.reviewedOnTime() ? 1 : 0);
            }
        }
        for (MaterialRequest request : facts.materialRequests) {
            cells.at(request.at(), request.unit())
                    .add(Count.MATERIAL_REQUESTS, 1)
                    .add(Count.REPEATED_MATERIAL_REQUESTS, request.repeated() ? 1 : 0);
        }
        if (facts.open()) {
            cells.now(facts.currentUnit())
                    .add(Count.OPEN, 1)
                    .add(Count.OVERDUE_OPEN, facts.overdueNow() ? 1 : 0);
        }
        return new Contribution(cells.build());
    }

    public Map<Cell, Tally> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /** What must be added to the buckets to turn {@code before} into this contribution; zero cells left out. */
    public Map<Cell, Tally> minus(Contribution before) {
        Map<Cell, Tally> delta = new LinkedHashMap<>();
        cells.forEach((cell, tally) -> delta.put(cell, tally.copy()));
        before.cells.forEach((cell, tally) -> delta.computeIfAbsent(cell, c -> Tally.empty()).add(tally, -1));
        delta.values().removeIf(Tally::isZero);
        return delta;
    }

    private static final class Builder {

        private final Map<Cell, Tally> cells = new LinkedHashMap<>();
        private final ZoneId zone;
        private final String category;
        private final String area;

        Builder(CaseFacts facts, ZoneId zone) {
            this.zone = zone;
            this.category = facts.category == null ? CaseFacts.UNKNOWN : facts.category.name();
            this.area = facts.area == null || facts.area.isBlank() ? CaseFacts.UNKNOWN : facts.area;
        }

        Tally at(Instant when, String unit) {
            return cell(new Cell(LocalDate.ofInstant(when, zone), unitOrNone(unit), category, area));
        }

        Tally now(String unit) {
            return cell(Cell.now(unitOrNone(unit), category, area));
        }

        private Tally cell(Cell cell) {
            return cells.computeIfAbsent(cell, c -> Tally.empty());
        }

        private static String unitOrNone(String unit) {
            return Objects.requireNonNullElse(unit, CaseFacts.NO_UNIT);
        }

        Map<Cell, Tally> build() {
            cells.values().removeIf(Tally::isZero);
            return cells;
        }
    }
}
