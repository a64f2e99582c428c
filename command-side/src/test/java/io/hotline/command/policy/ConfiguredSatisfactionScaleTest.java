package io.hotline.command.policy;

import io.hotline.kernel.cases.Satisfaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hotline.kernel.cases.Satisfaction.BASICALLY_SATISFIED;
import static io.hotline.kernel.cases.Satisfaction.DISSATISFIED;
import static io.hotline.kernel.cases.Satisfaction.SATISFIED;
import static io.hotline.kernel.cases.Satisfaction.VERY_DISSATISFIED;
import static io.hotline.kernel.cases.Satisfaction.VERY_SATISFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredSatisfactionScaleTest {

    @Test
    void theNationalFiveLevelScaleOffersEveryLevel() {
        SatisfactionScale scale = ConfiguredSatisfactionScale.fiveLevel();

        assertThat(Satisfaction.values()).allSatisfy(level -> assertThat(scale.offers(level)).isTrue());
    }

    @Test
    void onTheFiveLevelScaleTheTopThreeCountAsSatisfied() {
        SatisfactionScale scale = ConfiguredSatisfactionScale.fiveLevel();

        assertThat(List.of(VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED))
                .allSatisfy(level -> assertThat(scale.countsAsSatisfied(level)).isTrue());
        assertThat(List.of(DISSATISFIED, VERY_DISSATISFIED))
                .allSatisfy(level -> assertThat(scale.countsAsSatisfied(level)).isFalse());
    }

    @Test
    void theThreeLevelScaleOffersNoVeryLevels() {
        SatisfactionScale scale = ConfiguredSatisfactionScale.threeLevel();

        assertThat(List.of(SATISFIED, BASICALLY_SATISFIED, DISSATISFIED))
                .allSatisfy(level -> assertThat(scale.offers(level)).isTrue());
        assertThat(scale.offers(VERY_SATISFIED)).isFalse();
        assertThat(scale.offers(VERY_DISSATISFIED)).isFalse();
    }

    @Test
    void onTheThreeLevelScaleSatisfiedAndBasicallySatisfiedCount() {
        SatisfactionScale scale = ConfiguredSatisfactionScale.threeLevel();

        assertThat(scale.countsAsSatisfied(SATISFIED)).isTrue();
        assertThat(scale.countsAsSatisfied(BASICALLY_SATISFIED)).isTrue();
        assertThat(scale.countsAsSatisfied(DISSATISFIED)).isFalse();
        assertThat(scale.countsAsSatisfied(VERY_SATISFIED)).as("not on the scale").isFalse();
    }

    @Test
    void whichLevelsCountAsSatisfiedIsConfigurable() {
        SatisfactionScale strict = new ConfiguredSatisfactionScale(List.of(Satisfaction.values()),
                List.of(VERY_SATISFIED, SATISFIED));

        assertThat(strict.countsAsSatisfied(BASICALLY_SATISFIED)).isFalse();
    }

    @Test
    void aLevelCountedAsSatisfiedMustBeOnTheScale() {
        assertThatThrownBy(() -> new ConfiguredSatisfactionScale(List.of(SATISFIED, DISSATISFIED),
                List.of(VERY_SATISFIED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfiguredSatisfactionScale(List.of(SATISFIED, DISSATISFIED),
                List.of(SATISFIED, DISSATISFIED)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
