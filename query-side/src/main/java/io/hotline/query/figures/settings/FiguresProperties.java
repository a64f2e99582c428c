package io.hotline.query.figures.settings;

import io.hotline.query.figures.ranking.RankedRate;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code app.figures.*}: defaults here and in {@code hotline-figures.yml}. Map entries set elsewhere are
 * merged into the defaults, so a city overrides one weight without restating the others; a weight of 0
 * leaves a rate out of the score and a floor of 0 names nobody.
 */
@ConfigurationProperties("app.figures")
public class FiguresProperties {

    /** The longest range one question may cover, in days (both ends included). */
    private int maxRangeDays = 400;

    private final Ranking ranking = new Ranking();
    private final Stream stream = new Stream();
    private final Gauges gauges = new Gauges();

    public int getMaxRangeDays() {
        return maxRangeDays;
    }

    public void setMaxRangeDays(int maxRangeDays) {
        this.maxRangeDays = maxRangeDays;
    }

    public Ranking getRanking() {
        return ranking;
    }

    public Stream getStream() {
        return stream;
    }

    public Gauges getGauges() {
        return gauges;
    }

    /**
     * The assessment weighting and the bulletin floors, as rates in [0, 1]; see
     * {@link io.hotline.query.figures.ranking.RankingPolicy}.
     */
    public static class Ranking {

        private final Map<RankedRate, Double> weights = new EnumMap<>(Map.of(
                RankedRate.RESPONSE, 0.30, RankedRate.SOLUTION, 0.35, RankedRate.SATISFACTION, 0.35));
        private final Map<RankedRate, Double> floors = new EnumMap<>(Map.of(
                RankedRate.SATISFACTION, 0.85, RankedRate.RESPONSE, 0.92));

        public Map<RankedRate, Double> getWeights() {
            return weights;
        }

        public Map<RankedRate, Double> getFloors() {
            return floors;
        }
    }

    /** The live dashboard stream. */
    public static class Stream {

        /** At most one update per this interval, however fast events come. */
        private Duration minInterval = Duration.ofMillis(300);
        /** Re-read even without a local change: the projection may run on another node. Unchanged figures are not sent. */
        private Duration refresh = Duration.ofSeconds(10);
        /** A comment line this often keeps proxies from closing an idle stream. */
        private Duration heartbeat = Duration.ofSeconds(15);

        public Duration getMinInterval() {
            return minInterval;
        }

        public void setMinInterval(Duration minInterval) {
            this.minInterval = minInterval;
        }

        public Duration getRefresh() {
            return refresh;
        }

        public void setRefresh(Duration refresh) {
            this.refresh = refresh;
        }

        public Duration getHeartbeat() {
            return heartbeat;
        }

        public void setHeartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
        }
    }

    /** The Micrometer gauges. */
    public static class Gauges {

        /** Re-read this often even without a local change (and at least once a day rolls over). */
        private Duration refresh = Duration.ofSeconds(30);
        /** At most one re-read per this interval when figures change. */
        private Duration minInterval = Duration.ofSeconds(1);

        public Duration getRefresh() {
            return refresh;
        }

        public void setRefresh(Duration refresh) {
            this.refresh = refresh;
        }

        public Duration getMinInterval() {
            return minInterval;
        }

        public void setMinInterval(Duration minInterval) {
            this.minInterval = minInterval;
        }
    }
}
