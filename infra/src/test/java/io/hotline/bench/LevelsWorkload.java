package io.hotline.bench;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.Cell;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.facts.CaseFacts;
import io.hotline.query.figures.facts.Contribution;
import io.hotline.query.figures.facts.LevelFacts;
import io.hotline.query.figures.facts.WorkingTime;
import io.hotline.query.inbox.InboxEntry;
import io.hotline.query.inbox.InboxRole;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The levels benchmark's city and its cases. A directory of about 2,000 units on five levels: 16 districts of 12
 * streets of 9 communities each (the city is the whole), 40 city departments and 20 utilities. Cases are spread
 * over {@code days} days: 75 % go to a district, which sends 70 % of them down to a street and 40 % of those on to a
 * community (分级派单); the lowest level drafts the reply, its sender reviews it (10 % returned once); the rest go to a
 * department or a utility. The last two days' cases are still in handling (the inboxes' work).
 * <p>
 * Each case's events go through the figures' own {@link CaseFacts} and {@link Contribution}, exactly as the
 * projection computes them; the contributions are summed per bucket here (each cell also into its unit's ancestors'
 * subtree buckets), so seeding writes each bucket once instead of once per event.
 */
final class LevelsWorkload {

    static final int DISTRICTS = 16;
    static final int STREETS = 12;
    static final int COMMUNITIES = 9;
    static final int DEPARTMENTS = 40;
    static final int UTILITIES = 20;
    private static final Category[] CATEGORIES = {Category.HELP, Category.COMPLAINT, Category.REPORT, Category.SUGGESTION};
    private static final Actor OPERATOR = Actor.of("bench-op", "HOTLINE", Role.OPERATOR);
    private static final WorkingTime WALL_CLOCK = Duration::between;

    final ZoneId zone;
    final LocalDate firstDay;
    final int days;
    private final Map<Cell, Tally> cellSums = new HashMap<>();
    final Map<String, Set<String>[]> keys = new HashMap<>();
    final Map<String, List<InboxEntry>> inboxes = new HashMap<>();
    long cells;
    long ancestorCells;

    LevelsWorkload(ZoneId zone, LocalDate firstDay, int days) {
        this.zone = zone;
        this.firstDay = firstDay;
        this.days = days;
    }

    static String district(int d) {
        return "D%02d".formatted(d);
    }

    static String street(int d, int s) {
        return district(d) + "-S%02d".formatted(s);
    }

    static String community(int d, int s, int c) {
        return street(d, s) + "-C" + c;
    }

    private static final String HEADER = "code,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom\n";

    /** The directory as CSV files of the import, each within the API's body limit: one per district, one for the rest. */
    static List<String> directoryCsv() {
        List<String> files = new ArrayList<>();
        for (int d = 1; d <= DISTRICTS; d++) {
            StringBuilder csv = new StringBuilder(HEADER);
            row(csv, district(d), "第" + d + "区", "DISTRICT", "", "3710%02d".formatted(d));
            for (int s = 1; s <= STREETS; s++) {
                row(csv, street(d, s), d + "区" + s + "街道", "STREET", district(d), "");
                for (int c = 1; c <= COMMUNITIES; c++) {
                    row(csv, community(d, s, c), d + "区" + s + "街" + c + "社区", "COMMUNITY", street(d, s), "");
                }
            }
            files.add(csv.toString());
        }
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= DEPARTMENTS; i++) {
            row(csv, "DEPT%02d".formatted(i), "市直部门" + i, "CITY_DEPARTMENT", "", "");
        }
        for (int i = 1; i <= UTILITIES; i++) {
            row(csv, "UTIL%02d".formatted(i), "公共服务企业" + i, "UTILITY", "", "");
        }
        files.add(csv.toString());
        return files;
    }

    static int unitCount() {
        return DISTRICTS * (1 + STREETS * (1 + COMMUNITIES)) + DEPARTMENTS + UTILITIES;
    }

    private static void row(StringBuilder csv, String code, String name, String kind, String parent, String area) {
        csv.append(code).append(',').append(name).append(',').append(name).append(',').append(kind).append(',')
                .append(parent).append(',').append(area).append(",,2020-01-01\n");
    }

    /** Generates case {@code i} (seeded by its number) and adds what it contributes to the buckets. */
    void add(long i) {
        Random random = new Random(20261207L * 31 + i);
        String caseId = "L" + i;
        int day = random.nextInt(days);
        boolean open = day >= days - 2;
        Instant t = firstDay.plusDays(day).atStartOfDay(zone).toInstant().plusSeconds(8 * 3600 + random.nextInt(36_000));
        Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        int d = 1 + random.nextInt(DISTRICTS);
        CaseFacts facts = new CaseFacts(caseId);
        facts.on(new CaseRegistered(caseId, "N" + i, "r" + i, Channel.HOTLINE, category, Urgency.NORMAL, "t", "c",
                new Citizen("某", "13800000000", null), "3710%02d".formatted(d), OPERATOR, t));
        List<String> chain = new ArrayList<>();
        int kind = random.nextInt(100);
        chain.add(kind < 75 ? district(d) : kind < 93 ? "DEPT%02d".formatted(1 + random.nextInt(DEPARTMENTS))
                : "UTIL%02d".formatted(1 + random.nextInt(UTILITIES)));
        t = t.plusSeconds(300);
        facts.on(new CaseDispatched(caseId, chain.get(0), List.of(), chain.get(0), false, deadline(DeadlineKind.SIGN_FOR, t,
                Duration.ofHours(24)), OPERATOR, t));
        t = signFor(facts, chain.get(0), t, random, open && kind >= 75);
        if (kind < 75 && random.nextInt(100) < 70) {
            int s = 1 + random.nextInt(STREETS);
            chain.add(street(d, s));
            if (random.nextInt(100) < 40) {
                chain.add(community(d, s, 1 + random.nextInt(COMMUNITIES)));
            }
            for (int level = 1; level < chain.size(); level++) {
                t = t.plusSeconds(7200);
                LevelFacts.on(facts, new CaseDispatchedDown(caseId, chain.get(level - 1), chain.get(level), List.of(),
                        "", level + 1, deadline(DeadlineKind.SIGN_FOR, t, Duration.ofHours(24)), handler(chain.get(level - 1)), t));
                t = signFor(facts, chain.get(level), t, random, open && level == chain.size() - 1);
            }
        }
        if (!open) {
            String drafter = chain.get(chain.size() - 1);
            t = t.plusSeconds(2 * 86_400 + random.nextInt(86_400));
            if (chain.size() > 1) {
                String reviewer = chain.get(chain.size() - 2);
                if (random.nextInt(100) < 10) {
                    review(facts, drafter, reviewer, t, random, false);
                    t = t.plusSeconds(86_400);
                }
                t = review(facts, drafter, reviewer, t, random, true);
            } else {
                facts.on(new CaseReplied(caseId, drafter, ReplyResult.SOLVED, "", random.nextInt(100) < 92,
                        handler(drafter), t), WALL_CLOCK);
            }
            if (random.nextInt(100) < 80) {
                boolean satisfied = random.nextInt(100) < 88;
                facts.on(new FeedbackRecorded(caseId, FeedbackChannel.SMS, satisfied ? Satisfaction.SATISFIED
                        : Satisfaction.DISSATISFIED, satisfied, random.nextInt(100) < 80, null, Actor.CITIZEN,
                        t.plusSeconds(86_400)));
            }
            facts.on(new CaseClosed(caseId, OPERATOR, t.plusSeconds(90_000)));
        } else {
            inbox(caseId, category, chain);
        }
        contribute(facts, chain);
    }

    private Instant signFor(CaseFacts facts, String unit, Instant t, Random random, boolean last) {
        Instant at = t.plusSeconds(600 + random.nextInt(last ? 3600 : 90_000));
        facts.on(new CaseSignedFor(facts.caseId, unit, at.isBefore(t.plusSeconds(86_400)), deadline(DeadlineKind.COMPLETION,
                at, Duration.ofDays(5)), handler(unit), at));
        return at;
    }

    private Instant review(CaseFacts facts, String drafter, String reviewer, Instant t, Random random, boolean approve) {
        String caseId = facts.caseId;
        boolean draftOnTime = random.nextInt(100) < 85;
        LevelFacts.on(facts, new ReplySubmittedForReview(caseId, drafter, reviewer, ReplyResult.SOLVED, "", draftOnTime,
                deadline(DeadlineKind.REVIEW, t, Duration.ofHours(24)), handler(drafter), t));
        Instant at = t.plusSeconds(3600 + random.nextInt(30_000));
        boolean reviewOnTime = random.nextInt(100) < 90;
        if (approve) {
            LevelFacts.on(facts, new ReplyApproved(caseId, reviewer, drafter, "", reviewOnTime, handler(reviewer), at));
            facts.on(new CaseReplied(caseId, drafter, ReplyResult.SOLVED, "", draftOnTime, handler(reviewer), at),
                    WALL_CLOCK);
        } else {
            LevelFacts.on(facts, new ReplyReturned(caseId, reviewer, drafter, "", reviewOnTime, handler(reviewer), at));
        }
        return at;
    }

    /** The open case's entries: the lowest unit leads it, the one that sent it down stays accountable. */
    private void inbox(String caseId, Category category, List<String> chain) {
        String lead = chain.get(chain.size() - 1);
        inboxes.computeIfAbsent(lead, any -> new ArrayList<>()).add(new InboxEntry(caseId, "N" + caseId, "诉求",
                CaseStatus.IN_HANDLING, InboxRole.LEAD, category, Urgency.NORMAL, DeadlineKind.COMPLETION,
                Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(2)), false, false));
        if (chain.size() > 1) {
            inboxes.computeIfAbsent(chain.get(0), any -> new ArrayList<>()).add(new InboxEntry(caseId, "N" + caseId,
                    "诉求", CaseStatus.IN_HANDLING, InboxRole.ACCOUNTABLE, category, Urgency.NORMAL,
                    DeadlineKind.COMPLETION, Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(2)),
                    false, false));
        }
    }

    private void contribute(CaseFacts facts, List<String> chain) {
        for (Map.Entry<Cell, Tally> cell : Contribution.of(facts, zone).cells().entrySet()) {
            cells++;
            // the subtree buckets' share: 8 more bucket updates per cell (2 periods × 4) per ancestor of its unit
            ancestorCells += ancestorsOf(cell.getKey().unit()).size();
            // summed per cell first: many cases share a day, unit, category and area; ids are made once per cell
            cellSums.computeIfAbsent(cell.getKey(), any -> Tally.empty()).plus(cell.getValue());
        }
    }

    /** The bucket documents' sums (every id a cell is added to) and the key index, from the cells' sums. */
    @SuppressWarnings("unchecked")
    Map<String, Tally> buckets() {
        Map<String, Tally> buckets = new HashMap<>();
        cellSums.forEach((cell, sum) -> {
            List<String> ancestors = ancestorsOf(cell.unit());
            for (String id : BucketIds.of(cell, ancestors)) {
                buckets.computeIfAbsent(id, any -> Tally.empty()).plus(sum);
            }
            for (String period : BucketIds.periodsOf(cell)) {
                Set<String>[] index = keys.computeIfAbsent(period, any -> new Set[]{new TreeSet<>(), new TreeSet<>(),
                        new TreeSet<>(), new TreeSet<>()});
                index[0].add(cell.unit());
                index[1].add(cell.category());
                index[2].add(cell.area());
                index[3].addAll(ancestors);
            }
        });
        cellSums.clear();
        return buckets;
    }

    /**
     * The units above a unit in this directory, from the root: a street has its district, a community its district
     * and street (what the figures' copy of the tree answers for this directory, which never moves a unit).
     */
    static List<String> ancestorsOf(String unit) {
        if (!unit.startsWith("D")) {
            return List.of();
        }
        String[] parts = unit.split("-");
        List<String> above = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            above.add(String.join("-", java.util.Arrays.copyOf(parts, i)));
        }
        return above;
    }

    private static Deadline deadline(DeadlineKind kind, Instant from, Duration within) {
        Instant due = from.plus(within);
        return new Deadline(kind, from, due.minus(within.dividedBy(4)), due);
    }

    private static Actor handler(String unit) {
        return Actor.of("h-" + unit.toLowerCase(), unit, Role.UNIT_HANDLER);
    }
}
