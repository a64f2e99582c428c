package io.hotline.command.cases;

import io.hotline.command.policy.DeadlinePolicy;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.command.policy.EvaluationPolicy;
import io.hotline.command.policy.LevelPolicy;
import io.hotline.command.policy.SatisfactionScale;
import io.hotline.command.policy.TimeLimit;
import io.hotline.kernel.units.UnitKind;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The cast and the props of the case tests: a pinned clock, simple policies whose arithmetic a reader can do
 * in their head, the people who act, and the events of a case's usual life, built small.
 */
final class CaseFixtures {

    static final String CASE = "case-1";
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofHours(2));
    static final Duration SIGN_FOR = Duration.ofHours(8);
    static final Duration COMPLETION = Duration.ofDays(10);
    /** The citizen's own evaluation stays open a week after the reply. */
    static final EvaluationPolicy EVALUATION = new EvaluationPolicy(Duration.ofDays(7));

    static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    static final Actor COORDINATOR = Actor.of("co-wang", "HOTLINE", Role.COORDINATOR);
    static final Actor SUPERVISOR = Actor.of("su-zhao", "HOTLINE", Role.SUPERVISOR);
    static final Actor AUDITOR = Actor.of("au-qian", "AUDIT", Role.AUDITOR);
    static final Actor URBAN = Actor.of("ub-zhang", "URBAN-MGMT", Role.UNIT_HANDLER);
    static final Actor URBAN_STAND_IN = Actor.of("ub-chen", "URBAN-MGMT", Role.UNIT_HANDLER).standingInFor("ub-zhang");
    static final Actor HOUSING = Actor.of("ho-liu", "HOUSING", Role.UNIT_HANDLER);
    static final Actor WATER = Actor.of("wa-sun", "WATER", Role.UNIT_HANDLER);
    static final Citizen CITIZEN = new Citizen("张三", "13800138000", null);

    private CaseFixtures() {
    }

    static FixtureConfiguration<Case> fixtureAt(Instant now) {
        return fixtureWith(now, FIVE_LEVELS);
    }

    static FixtureConfiguration<Case> fixtureWith(Instant now, SatisfactionScale scale) {
        FixtureConfiguration<Case> fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource((CaseNumbers) at -> "20261123-000001");
        fixture.registerInjectableResource(DEADLINES);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource(scale);
        fixture.registerInjectableResource(EVALUATION);
        fixture.registerInjectableResource(ORGANISATION);
        fixture.registerInjectableResource(LEVELS);
        return fixture;
    }

    static FixtureConfiguration<Case> fixture() {
        return fixtureAt(NOW);
    }

    /** Plain durations, warning at 80%: enough to prove the case uses what the policy says. */
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy() {
        @Override
        public Deadline signFor(Category category, Urgency urgency, Instant from) {
            return deadline(DeadlineKind.SIGN_FOR, from, SIGN_FOR);
        }

        @Override
        public Deadline completion(Category category, Urgency urgency, Instant from) {
            return deadline(DeadlineKind.COMPLETION, from, COMPLETION);
        }

        @Override
        public Deadline extend(Deadline completion, int extraWorkingDays) {
            Duration total = Duration.between(completion.startedAt(), completion.due()).plusDays(extraWorkingDays);
            return deadline(completion.kind(), completion.startedAt(), total);
        }
    };

    static Deadline deadline(DeadlineKind kind, Instant from, Duration allowed) {
        return new Deadline(kind, from, from.plus(allowed.multipliedBy(8).dividedBy(10)), from.plus(allowed));
    }

    /**
     * A small city: the district 环翠区 (HUANCUI) with two streets in service, one retired, and a community under
     * the first; a second district; the departments of the other fixtures at the top.
     */
    static final String DISTRICT = "HUANCUI";
    static final String STREET = "HC-STREET-A";
    static final String OTHER_STREET = "HC-STREET-B";
    static final String RETIRED_STREET = "HC-STREET-OLD";
    static final String COMMUNITY = "HC-COMMUNITY-1";
    static final String OTHER_DISTRICT_STREET = "WD-STREET-A";
    static final Actor DISTRICT_HANDLER = Actor.of("hc-zhou", DISTRICT, Role.UNIT_HANDLER);
    static final Actor STREET_HANDLER = Actor.of("st-wu", STREET, Role.UNIT_HANDLER);
    static final Actor OTHER_STREET_HANDLER = Actor.of("st-zheng", OTHER_STREET, Role.UNIT_HANDLER);
    static final Actor COMMUNITY_HANDLER = Actor.of("cm-feng", COMMUNITY, Role.UNIT_HANDLER);
    private static final java.util.Map<String, String> PARENTS = java.util.Map.of(
            STREET, DISTRICT, OTHER_STREET, DISTRICT, RETIRED_STREET, DISTRICT, COMMUNITY, STREET,
            OTHER_DISTRICT_STREET, "WENDENG");
    private static final java.util.Map<String, UnitKind> KINDS = java.util.Map.of(
            DISTRICT, UnitKind.DISTRICT, "WENDENG", UnitKind.DISTRICT, STREET, UnitKind.STREET,
            OTHER_STREET, UnitKind.STREET, RETIRED_STREET, UnitKind.STREET, COMMUNITY, UnitKind.COMMUNITY,
            OTHER_DISTRICT_STREET, UnitKind.STREET, "URBAN-MGMT", UnitKind.CITY_DEPARTMENT,
            "HOUSING", UnitKind.CITY_DEPARTMENT, "WATER", UnitKind.UTILITY);

    static final Organisation ORGANISATION = new Organisation() {
        @Override
        public Optional<UnitKind> kind(String unit) {
            return Optional.ofNullable(KINDS.get(unit));
        }

        @Override
        public boolean inService(String unit, Instant at) {
            return KINDS.containsKey(unit) && !RETIRED_STREET.equals(unit);
        }

        @Override
        public boolean isWithin(String ancestor, String unit) {
            for (String at = unit; at != null; at = PARENTS.get(at)) {
                if (at.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }
    };

    /** Streets: 2 hours to sign, 3 days to reply, reviewed within a day; communities the same, not reviewed. */
    static final Duration STREET_SIGN_FOR = Duration.ofHours(2);
    static final Duration STREET_COMPLETION = Duration.ofDays(3);
    static final Duration REVIEW = Duration.ofDays(1);
    static final LevelPolicy LEVELS = new LevelPolicy(List.of(
            new LevelPolicy.Level(UnitKind.STREET, TimeLimit.of(2, TimeLimit.Unit.HOURS),
                    TimeLimit.of(72, TimeLimit.Unit.HOURS), TimeLimit.of(24, TimeLimit.Unit.HOURS), true),
            new LevelPolicy.Level(UnitKind.COMMUNITY, TimeLimit.of(2, TimeLimit.Unit.HOURS),
                    TimeLimit.of(72, TimeLimit.Unit.HOURS), null, false)),
            DEADLINES, (kind, limit, from) -> deadline(kind, from, Duration.ofHours(limit.amount())));

    static final DispatchCatalogue CATALOGUE = (category, area) ->
            area.startsWith("3706") ? Optional.of("URBAN-MGMT") : Optional.empty();

    static final SatisfactionScale FIVE_LEVELS = new SatisfactionScale() {
        @Override
        public boolean offers(Satisfaction level) {
            return true;
        }

        @Override
        public boolean countsAsSatisfied(Satisfaction level) {
            return level == Satisfaction.VERY_SATISFIED || level == Satisfaction.SATISFIED
                    || level == Satisfaction.BASICALLY_SATISFIED;
        }
    };

    // ---- the usual life of a case, as events

    static CaseRegistered registered() {
        return new CaseRegistered(CASE, "20261123-000001", "call-0001", Channel.HOTLINE, Category.COMPLAINT,
                Urgency.NORMAL, "路灯不亮", "小区门口路灯坏了三天", CITIZEN, "370602", OPERATOR, T0);
    }

    static CaseDispatched dispatchedTo(String unit, String... assisting) {
        return new CaseDispatched(CASE, unit, List.of(assisting), "URBAN-MGMT", !"URBAN-MGMT".equals(unit),
                deadline(DeadlineKind.SIGN_FOR, T0, SIGN_FOR), OPERATOR, T0);
    }

    static CaseSignedFor signedBy(Actor actor) {
        return new CaseSignedFor(CASE, actor.unitId(), true, deadline(DeadlineKind.COMPLETION, T0, COMPLETION),
                actor, T0);
    }

    static JurisdictionObjected objectedBy(Actor actor) {
        return new JurisdictionObjected(CASE, actor.unitId(), "不属于本单位职责", actor, T0);
    }

    static CaseReplied repliedBy(Actor actor) {
        return new CaseReplied(CASE, actor.unitId(), ReplyResult.SOLVED, "已修复", true, actor, T0);
    }

    static FeedbackRecorded feedback(Satisfaction level, boolean satisfied) {
        return new FeedbackRecorded(CASE, FeedbackChannel.PHONE, level, satisfied, satisfied, null, OPERATOR, T0);
    }

    static Object[] inHandlingBy(Actor actor) {
        return new Object[]{registered(), dispatchedTo(actor.unitId()), signedBy(actor)};
    }
}
