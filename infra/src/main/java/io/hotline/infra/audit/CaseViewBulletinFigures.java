package io.hotline.infra.audit;

import io.hotline.infra.roles.Roles;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.DeadlineView;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bulletin's figures computed straight from the live case views, so the bulletin works before the figures
 * module lands. Deliberately simple: each case registered in the period counts for its lead unit as the view
 * shows it now (the figures module attributes each step to the unit that had it then). The views are streamed
 * and folded per unit, so memory grows with the number of units, not of cases.
 * <ul>
 *   <li>on-time sign-for: sign-for clocks done on time, over those done or missed;</li>
 *   <li>on-time completion: completion clocks done on time, over those done or missed;</li>
 *   <li>overdue: cases with a missed deadline;</li>
 *   <li>satisfaction and solved: over the cases with feedback (the last feedback counts);</li>
 *   <li>reopened: cases reopened at least once, over the cases replied;</li>
 *   <li>score: 100 × Σ(weight × rate) / Σ weight over response (on-time sign-for), solution and satisfaction,
 *   weights 30/35/35; floors: satisfaction 85 %, response 92 % (the defaults the figures module uses).</li>
 * </ul>
 */
@Component
@Conditional(Roles.QueryRole.class)
class CaseViewBulletinFigures implements BulletinFigures {

    static final Map<String, Double> WEIGHTS = orderedMap("response", 0.30, "solution", 0.35, "satisfaction", 0.35);
    static final Map<String, Double> FLOORS = orderedMap("satisfaction", 0.85, "response", 0.92);
    private static final String BASIS = "按受理日期统计期内诉求，归入当前主办单位；按时签收率为响应率；"
            + "得分 = 100 ×（响应率×0.30 + 解决率×0.35 + 满意率×0.35）；通报线：满意率 85%，响应率 92%。";

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final ZoneId zone;

    CaseViewBulletinFigures(ReactiveMongoTemplate mongo, ReadModelGenerations generations,
                            @Value("${app.zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.generations = generations;
        this.zone = zone;
    }

    @Override
    public Mono<Bulletin> units(LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("registeredAt")
                        .gte(from.atStartOfDay(zone).toInstant())
                        .lt(to.plusDays(1).atStartOfDay(zone).toInstant())
                        .and("leadUnit").ne(null));
        query.fields().include("leadUnit", "signForDeadline", "completionDeadline", "lastReply", "lastFeedback",
                "counters", "registeredAt", "status");
        String collection = generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION);
        return mongo.find(query, CaseView.class, collection)
                .reduce(new TreeMap<String, Tally>(), (tallies, view) -> {
                    tallies.computeIfAbsent(view.leadUnit(), unit -> new Tally()).add(view);
                    return tallies;
                })
                .map(tallies -> new Bulletin(from, to, WEIGHTS, FLOORS, BASIS, ranked(tallies)));
    }

    private static List<UnitFigures> ranked(Map<String, Tally> tallies) {
        List<UnitFigures> lines = new ArrayList<>();
        tallies.forEach((unit, tally) -> lines.add(tally.figures(unit)));
        lines.sort(Comparator.comparing((UnitFigures line) -> line.score() == null ? -1 : line.score()).reversed()
                .thenComparing(UnitFigures::unit));
        List<UnitFigures> withRanks = new ArrayList<>(lines.size());
        Integer rank = null;
        Double previous = null;
        for (int i = 0; i < lines.size(); i++) {
            UnitFigures line = lines.get(i);
            if (line.score() != null && !line.score().equals(previous)) {
                rank = i + 1;
                previous = line.score();
            }
            withRanks.add(new UnitFigures(line.unit(), line.cases(), line.onTimeSignFor(), line.onTimeCompletion(),
                    line.overdue(), line.satisfaction(), line.solved(), line.reopened(),
                    line.oneTimeNoticeViolations(), line.score(), line.score() == null ? null : rank,
                    line.belowFloor()));
        }
        return withRanks;
    }

    /** One unit's counts while the views stream by. */
    private static final class Tally {
        long cases;
        long signedOnTime;
        long signForBase;
        long completedOnTime;
        long completionBase;
        long overdue;
        long satisfied;
        long solved;
        long feedback;
        long reopened;
        long replied;
        long violations;

        void add(CaseView view) {
            cases++;
            DeadlineView signFor = view.signForDeadline();
            if (signFor != null && (signFor.isDone() || signFor.missedAt() != null)) {
                signForBase++;
                if (signFor.isDone() && Boolean.TRUE.equals(signFor.onTime())) {
                    signedOnTime++;
                }
            }
            DeadlineView completion = view.completionDeadline();
            if (completion != null && (completion.isDone() || completion.missedAt() != null)) {
                completionBase++;
                if (completion.isDone() && Boolean.TRUE.equals(completion.onTime())) {
                    completedOnTime++;
                }
            }
            if (view.counters() != null) {
                if (view.counters().deadlinesMissed() > 0) {
                    overdue++;
                }
                if (view.counters().reopens() > 0) {
                    reopened++;
                }
                violations += view.counters().materialRequestViolations();
            }
            if (view.lastFeedback() != null) {
                feedback++;
                if (view.lastFeedback().countsAsSatisfied()) {
                    satisfied++;
                }
                if (view.lastFeedback().solved()) {
                    solved++;
                }
            }
            if (view.lastReply() != null) {
                replied++;
            }
        }

        UnitFigures figures(String unit) {
            Rate response = new Rate(signedOnTime, signForBase);
            Rate solution = new Rate(solved, feedback);
            Rate satisfaction = new Rate(satisfied, feedback);
            Map<String, Rate> scored = Map.of("response", response, "solution", solution, "satisfaction", satisfaction);
            Double score = score(scored);
            Set<String> below = new LinkedHashSet<>();
            FLOORS.forEach((name, floor) -> {
                Double value = scored.get(name).value();
                if (value != null && value < floor) {
                    below.add(name);
                }
            });
            return new UnitFigures(unit, cases, response, new Rate(completedOnTime, completionBase), overdue,
                    satisfaction, solution, new Rate(reopened, replied), violations, score, null, below);
        }

        private static Double score(Map<String, Rate> scored) {
            double weighted = 0;
            double total = 0;
            for (Map.Entry<String, Double> weight : WEIGHTS.entrySet()) {
                Double value = scored.get(weight.getKey()).value();
                if (value == null) {
                    return null;
                }
                weighted += weight.getValue() * value;
                total += weight.getValue();
            }
            return Math.round(1000 * weighted / total) / 10.0;
        }
    }

    private static Map<String, Double> orderedMap(Object... entries) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Double) entries[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
