package io.hotline.query.figures.settings;

import io.hotline.query.figures.ranking.RankedRate;
import io.hotline.query.figures.ranking.RankingPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code app.figures.*} binds by its documented names and merges into the defaults. */
class FiguresPropertiesTest {

    @Test
    void oneWeightCanBeChangedAndAnotherRateAdded() {
        FiguresProperties properties = bind(Map.of(
                "app.figures.ranking.weights.satisfaction", "0.5",
                "app.figures.ranking.weights.on-time-completion", "0.2",
                "app.figures.ranking.floors.response", "0",
                "app.figures.stream.min-interval", "500ms"));
        assertThat(properties.getRanking().getWeights()).containsOnly(
                Map.entry(RankedRate.RESPONSE, 0.30), Map.entry(RankedRate.SOLUTION, 0.35),
                Map.entry(RankedRate.SATISFACTION, 0.5), Map.entry(RankedRate.ON_TIME_COMPLETION, 0.2));
        assertThat(properties.getRanking().getFloors()).containsOnly(
                Map.entry(RankedRate.RESPONSE, 0.0), Map.entry(RankedRate.SATISFACTION, 0.85));
        assertThat(properties.getStream().getMinInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.getMaxRangeDays()).isEqualTo(400);
    }

    @Test
    void theDefaultsAreTheCountysScheme() {
        FiguresProperties properties = bind(Map.of());
        RankingPolicy policy = new RankingPolicy(properties.getRanking().getWeights(), properties.getRanking().getFloors());
        assertThat(policy.weights()).isEqualTo(RankingPolicy.defaults().weights());
        assertThat(policy.floors()).isEqualTo(RankingPolicy.defaults().floors());
    }

    private static FiguresProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("app.figures", Bindable.ofInstance(new FiguresProperties()))
                .orElseGet(FiguresProperties::new);
    }
}
