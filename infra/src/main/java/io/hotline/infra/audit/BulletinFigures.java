package io.hotline.infra.audit;

import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the periodic bulletin (定期通报) needs to know per handling unit for a period. A port: today it is
 * answered from the case views ({@link CaseViewBulletinFigures}); once the figures module is merged it is
 * re-pointed there, and the bulletin's exports do not change.
 */
public interface BulletinFigures {

    /** The figures of every unit with cases registered between {@code from} and {@code to} (local days, inclusive). */
    Mono<Bulletin> units(LocalDate from, LocalDate to);

    /**
     * A bulletin: the period, how units were scored, and one line per unit, best score first.
     *
     * @param weights   the ranking weights by rate name ({@code response}, {@code solution}, {@code satisfaction})
     * @param floors    the floors by rate name; units below one are named
     * @param basis     in a sentence, how the figures were computed (printed under the table)
     */
    record Bulletin(LocalDate from, LocalDate to, Map<String, Double> weights, Map<String, Double> floors,
                    String basis, List<UnitFigures> units) {
    }

    /**
     * One unit's line.
     *
     * @param cases                   cases of the period the unit leads
     * @param onTimeSignFor           按时签收率 (the response rate of the ranking)
     * @param onTimeCompletion        按时办结率
     * @param overdue                 cases that missed a deadline
     * @param satisfaction            满意率 among cases with feedback
     * @param solved                  解决率 among cases with feedback
     * @param reopened                重办率 among replied cases
     * @param oneTimeNoticeViolations repeated material requests (一次性告知 violations)
     * @param score                   ranking score 0..100, null when a weighted rate has no data (unranked)
     * @param rank                    1 for the best score; equal scores share a rank; null when unranked
     * @param belowFloor              names of the rates below their floor
     */
    record UnitFigures(String unit, long cases, Rate onTimeSignFor, Rate onTimeCompletion, long overdue,
                       Rate satisfaction, Rate solved, Rate reopened, long oneTimeNoticeViolations, Double score,
                       Integer rank, Set<String> belowFloor) {
    }

    /** A rate as its count over its base; no value when the base is empty. */
    record Rate(long count, long base) {

        public Double value() {
            return base == 0 ? null : (double) count / base;
        }
    }
}
