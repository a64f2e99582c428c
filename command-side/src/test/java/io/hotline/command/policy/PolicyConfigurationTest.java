package io.hotline.command.policy;

import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.time.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static io.hotline.command.policy.ServiceLevelsForTests.CALENDAR;
import static io.hotline.command.policy.ServiceLevelsForTests.DEFAULTS;
import static io.hotline.command.policy.ServiceLevelsForTests.at;
import static org.assertj.core.api.Assertions.assertThat;

/** The defaults in hotline-policy.yml bind into the named policies, and a city can override them. */
class PolicyConfigurationTest {

    private final ApplicationContextRunner withDefaults = new ApplicationContextRunner()
            .withInitializer(context -> policyYaml().forEach(context.getEnvironment().getPropertySources()::addLast))
            .withBean(WorkingCalendar.class, () -> CALENDAR)
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
            .withBean(ZoneId.class, () -> ZoneId.of("Asia/Shanghai"))
            .withUserConfiguration(PolicyConfiguration.class);

    private static List<PropertySource<?>> policyYaml() {
        try {
            return new YamlPropertySourceLoader().load("hotline-policy.yml", new ClassPathResource("hotline-policy.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theDefaultServiceLevelsBind() {
        withDefaults.run(context -> {
            ServiceLevelPolicy levels = context.getBean(ServiceLevelPolicy.class);
            assertThat(levels.fallback()).isEqualTo(DEFAULTS.fallback());
            assertThat(levels.rules()).containsExactlyElementsOf(DEFAULTS.rules());
        });
    }

    @Test
    void theDefaultDeadlinesWarnAtEightyPercent() {
        withDefaults.run(context -> {
            DeadlinePolicy deadlines = context.getBean(DeadlinePolicy.class);
            assertThat(deadlines.completion(Category.COMPLAINT, Urgency.NORMAL, at("2025-03-10T10:00")))
                    .extracting("warnAt", "due").containsExactly(at("2025-03-20T10:00"), at("2025-03-24T10:00"));
            assertThat(deadlines.signFor(Category.HELP, Urgency.EMERGENCY, at("2025-03-09T02:00")).due())
                    .isEqualTo(at("2025-03-09T02:15"));
        });
    }

    @Test
    void theDefaultCatalogueProposesTheSampleUnits() {
        withDefaults.run(context -> {
            DispatchCatalogue catalogue = context.getBean(DispatchCatalogue.class);
            assertThat(catalogue.propose(Category.COMPLAINT, "370602")).hasValue("MARKET-REG");
            assertThat(catalogue.propose(Category.HELP, "370602")).hasValue("WATER");
            assertThat(catalogue.propose(Category.HELP, "370613")).hasValue("HOUSING");
            assertThat(catalogue.propose(Category.CONSULTATION, "370613")).hasValue("URBAN-MGMT");
            assertThat(catalogue.propose(Category.COMPLAINT, "110105")).isEmpty();
        });
    }

    @Test
    void theDefaultScaleIsTheNationalFiveLevelOne() {
        withDefaults.run(context -> {
            SatisfactionScale scale = context.getBean(SatisfactionScale.class);
            assertThat(scale.offers(Satisfaction.VERY_DISSATISFIED)).isTrue();
            assertThat(scale.countsAsSatisfied(Satisfaction.BASICALLY_SATISFIED)).isTrue();
        });
    }

    @Test
    void aCityMaySwitchToTheThreeLevelScale() {
        withDefaults.withPropertyValues("app.policy.satisfaction.scale=three-level").run(context -> {
            SatisfactionScale scale = context.getBean(SatisfactionScale.class);
            assertThat(scale.offers(Satisfaction.VERY_SATISFIED)).isFalse();
            assertThat(scale.countsAsSatisfied(Satisfaction.SATISFIED)).isTrue();
        });
    }

    @Test
    void aCitysOwnRulesReplaceTheDefaultRules() {
        withDefaults.withPropertyValues(
                "app.policy.service-levels.warning-share=0.5",
                "app.policy.service-levels.rules[0].urgency=NORMAL",
                "app.policy.service-levels.rules[0].finish=3 WORKING_DAYS").run(context -> {
            ServiceLevelPolicy levels = context.getBean(ServiceLevelPolicy.class);
            assertThat(levels.finish(Category.REPORT, Urgency.NORMAL)).isEqualTo(TimeLimit.valueOf("3 WORKING_DAYS"));
            assertThat(levels.signFor(Category.REPORT, Urgency.EMERGENCY)).isEqualTo(DEFAULTS.fallback().signFor());
            assertThat(context.getBean(DeadlinePolicy.class)).extracting("warningShare").isEqualTo(0.5);
        });
    }

    @Test
    void aMisspelledTimeLimitStopsTheStart() {
        withDefaults.withPropertyValues("app.policy.service-levels.fallback.finish=10 WORKDAYS").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("'10 WORKDAYS'");
            assertThat(context.getStartupFailure()).hasStackTraceContaining("app.policy.service-levels");
        });
    }

    @Test
    void withoutServiceLevelsTheStartFails() {
        new ApplicationContextRunner()
                .withBean(WorkingCalendar.class, () -> CALENDAR)
            .withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
            .withBean(ZoneId.class, () -> ZoneId.of("Asia/Shanghai"))
                .withUserConfiguration(PolicyConfiguration.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("app.policy.service-levels.fallback");
                });
    }

    @Test
    void theInvitationToEvaluateLastsAWeekUnlessTheCitySaysOtherwise() {
        withDefaults.run(context -> assertThat(context.getBean(EvaluationPolicy.class).invitationValidFor())
                .isEqualTo(java.time.Duration.ofDays(7)));
        withDefaults.withPropertyValues("app.policy.evaluation.invitation-valid-for=P3D")
                .run(context -> assertThat(context.getBean(EvaluationPolicy.class).invitationValidFor())
                        .isEqualTo(java.time.Duration.ofDays(3)));
        withDefaults.withPropertyValues("app.policy.evaluation.invitation-valid-for=-P1D")
                .run(context -> assertThat(context).hasFailed());
    }
}
