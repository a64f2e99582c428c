package io.hotline.command.policy;

import io.hotline.kernel.cases.Satisfaction;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The named policies' settings under {@code app.policy}; the defaults are in {@code hotline-policy.yml} beside
 * this code, and a city overrides them like any Spring setting. Lists replace the default list as a whole.
 * Every setting is checked when the application starts, so a typo stops the start instead of silently changing
 * deadlines.
 *
 * @param serviceLevels {@code app.policy.service-levels}: time limits per category and urgency
 * @param dispatch      {@code app.policy.dispatch}: the dispatch catalogue
 * @param satisfaction  {@code app.policy.satisfaction}: the feedback scale
 * @param evaluation    {@code app.policy.evaluation}: how long the citizen's invitation to evaluate stays open
 */
@ConfigurationProperties("app.policy")
public record PolicyProperties(
        @DefaultValue ServiceLevels serviceLevels,
        @DefaultValue Dispatch dispatch,
        @DefaultValue SatisfactionSettings satisfaction,
        @DefaultValue EvaluationSettings evaluation) {

    /**
     * @param warningShare {@code warning-share}: the share of the allowed time after which the early warning is
     *                     raised (default 0.8)
     * @param fallback     {@code fallback.sign-for}, {@code fallback.finish}: what applies when no rule does
     * @param rules        {@code rules[n].category} (omit for any), {@code .urgency}, {@code .sign-for},
     *                     {@code .finish} (either may be omitted to inherit it)
     */
    public record ServiceLevels(
            @DefaultValue("0.8") double warningShare,
            ServiceLevelPolicy.ServiceLevel fallback,
            @DefaultValue List<ServiceLevelPolicy.Rule> rules) {

        public ServiceLevels {
            if (fallback == null) {
                throw new IllegalArgumentException("app.policy.service-levels.fallback (sign-for and finish) is not "
                        + "configured");
            }
        }

        public ServiceLevelPolicy toPolicy() {
            return new ServiceLevelPolicy(fallback, rules);
        }
    }

    /**
     * @param catalogue {@code catalogue[n].category} (omit for any), {@code .area-prefix} (omit for anywhere),
     *                  {@code .unit}
     */
    public record Dispatch(@DefaultValue List<ConfiguredDispatchCatalogue.Entry> catalogue) {

        public ConfiguredDispatchCatalogue toCatalogue() {
            return new ConfiguredDispatchCatalogue(catalogue);
        }

        public ConfiguredDispatchCatalogue toCatalogue(UnitDirectoryLookup directory, java.time.Clock clock,
                                                       java.time.ZoneId zone) {
            return new ConfiguredDispatchCatalogue(catalogue, directory, clock, zone);
        }
    }

    /**
     * @param scale              {@code scale}: FIVE_LEVEL (the national 好差评 scale, default) or THREE_LEVEL
     * @param countedAsSatisfied {@code counted-as-satisfied}: overrides the scale's own choice of the levels
     *                           that count as satisfied
     */
    public record SatisfactionSettings(
            @DefaultValue("FIVE_LEVEL") ConfiguredSatisfactionScale.Preset scale,
            @DefaultValue List<Satisfaction> countedAsSatisfied) {

        public ConfiguredSatisfactionScale toScale() {
            return countedAsSatisfied.isEmpty() ? ConfiguredSatisfactionScale.of(scale)
                    : new ConfiguredSatisfactionScale(scale.levels(), countedAsSatisfied);
        }
    }

    /**
     * @param invitationValidFor {@code invitation-valid-for}: how long after a reply the citizen may evaluate it
     *                           by SMS or on the web (ISO-8601 or Spring's {@code 7d}; default seven days)
     */
    public record EvaluationSettings(@DefaultValue("P7D") java.time.Duration invitationValidFor) {

        public EvaluationPolicy toPolicy() {
            return new EvaluationPolicy(invitationValidFor);
        }
    }
}
