package io.hotline.command.policy;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.hotline.command.policy.ServiceLevelsForTests.DEFAULTS;
import static io.hotline.command.policy.TimeLimit.Unit.HOURS;
import static io.hotline.command.policy.TimeLimit.Unit.MINUTES;
import static io.hotline.command.policy.TimeLimit.Unit.WORKING_DAYS;
import static io.hotline.command.policy.TimeLimit.Unit.WORKING_HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceLevelPolicyTest {

    private static final ServiceLevelPolicy.ServiceLevel FALLBACK =
            new ServiceLevelPolicy.ServiceLevel(TimeLimit.of(1, WORKING_DAYS), TimeLimit.of(15, WORKING_DAYS));

    @Test
    void aCategorysOwnRuleComesFirst() {
        assertThat(DEFAULTS.finish(Category.REPORT, Urgency.NORMAL)).isEqualTo(TimeLimit.of(15, WORKING_DAYS));
        assertThat(DEFAULTS.finish(Category.CONSULTATION, Urgency.NORMAL)).isEqualTo(TimeLimit.of(2, WORKING_DAYS));
    }

    @Test
    void withoutACategoryRuleTheUrgencysRuleApplies() {
        assertThat(DEFAULTS.signFor(Category.REPORT, Urgency.EMERGENCY)).isEqualTo(TimeLimit.of(15, MINUTES));
        assertThat(DEFAULTS.finish(Category.THANKS, Urgency.URGENT)).isEqualTo(TimeLimit.of(24, HOURS));
    }

    @Test
    void aLimitTheRuleLeavesOutIsInheritedFromTheLessSpecificRule() {
        // The COMPLAINT/NORMAL rule sets only the time to finish; signing for comes from the NORMAL rule.
        assertThat(DEFAULTS.signFor(Category.COMPLAINT, Urgency.NORMAL)).isEqualTo(TimeLimit.of(1, WORKING_DAYS));
    }

    @Test
    void withoutAnyRuleTheFallbackApplies() {
        ServiceLevelPolicy onlyEmergencies = new ServiceLevelPolicy(FALLBACK, List.of(
                ServiceLevelPolicy.Rule.forUrgency(Urgency.EMERGENCY, TimeLimit.of(30, MINUTES), null)));

        assertThat(onlyEmergencies.finish(Category.HELP, Urgency.EMERGENCY)).isEqualTo(TimeLimit.of(15, WORKING_DAYS));
        assertThat(onlyEmergencies.signFor(Category.HELP, Urgency.URGENT)).isEqualTo(TimeLimit.of(1, WORKING_DAYS));
    }

    @Test
    void twoRulesForTheSameCategoryAndUrgencyAreRefused() {
        assertThatThrownBy(() -> new ServiceLevelPolicy(FALLBACK, List.of(
                ServiceLevelPolicy.Rule.forUrgency(Urgency.URGENT, TimeLimit.of(2, HOURS), null),
                ServiceLevelPolicy.Rule.forUrgency(Urgency.URGENT, null, TimeLimit.of(24, HOURS)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("any category and URGENT");
    }

    @Test
    void aRuleSettingNothingIsRefused() {
        assertThatThrownBy(() -> ServiceLevelPolicy.Rule.forCategory(Category.HELP, Urgency.NORMAL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTimeLimitReadsFromConfigurationText() {
        assertThat(TimeLimit.valueOf("15 MINUTES")).isEqualTo(TimeLimit.of(15, MINUTES));
        assertThat(TimeLimit.valueOf(" 2  working-days ")).isEqualTo(TimeLimit.of(2, WORKING_DAYS));
        assertThat(TimeLimit.valueOf("4 WORKING_HOURS")).hasToString("4 WORKING_HOURS");
        assertThatThrownBy(() -> TimeLimit.valueOf("15 FORTNIGHTS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'15 FORTNIGHTS'");
        assertThatThrownBy(() -> TimeLimit.valueOf("0 HOURS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyMinutesAndHoursRunOnTheWallClock() {
        assertThat(TimeLimit.of(15, MINUTES).onWallClock()).isTrue();
        assertThat(TimeLimit.of(24, HOURS).onWallClock()).isTrue();
        assertThat(TimeLimit.of(4, WORKING_HOURS).onWallClock()).isFalse();
        assertThat(TimeLimit.of(2, WORKING_DAYS).onWallClock()).isFalse();
        assertThat(TimeLimit.of(2, WORKING_DAYS).length(Duration.ofHours(7))).isEqualTo(Duration.ofHours(14));
    }
}
