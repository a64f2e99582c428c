package io.hotline.query.figures;

import io.hotline.query.figures.ledger.FigureCollections;
import io.hotline.query.figures.ledger.FigureStore;
import io.hotline.query.figures.settings.FiguresProperties;
import io.hotline.query.figures.ledger.MongoFigureStore;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Wires the figures' readers: the store they read (always the live generation) and the ranking policy from
 * configuration. The working time comes from the working-day calendar, which the application always registers.
 * The projection is made per generation by {@link FigureProjections}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FiguresProperties.class)
class FiguresConfiguration {

    /**
     * The figures the API, the live stream and the gauges read: the live generation's, so during a rebuild they
     * keep showing the complete figures, and after the switch the rebuilt ones.
     */
    @Bean
    FigureStore liveFigures(ReactiveMongoTemplate mongo, ReadModelGenerations generations) {
        return new MongoFigureStore(mongo, () -> generations.live(FigureCollections.MODEL));
    }

    @Bean
    RankingPolicy rankingPolicy(FiguresProperties properties) {
        return new RankingPolicy(properties.getRanking().getWeights(), properties.getRanking().getFloors());
    }
}
