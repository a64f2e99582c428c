package io.hotline.query.figures;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the figures: the ledger, the ranking policy from configuration, the stand-in working time while no
 * working-day calendar is registered ({@link WallClockFallback}), and the processing-group settings the
 * ledger's exactness relies on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FiguresProperties.class)
@Import(WallClockFallback.Last.class)
class FiguresConfiguration {

    @Bean
    FiguresLedger figuresLedger(FigureStore store, FiguresProperties properties, FigureChanges changes) {
        return new FiguresLedger(store, properties.getZone(), changes);
    }

    @Bean
    RankingPolicy rankingPolicy(FiguresProperties properties) {
        return new RankingPolicy(properties.getRanking().getWeights(), properties.getRanking().getFloors());
    }

    /**
     * A failing event is retried, not logged and skipped: the ledger finishes a half-booked event on the retry
     * (see {@link FiguresLedger}); skipping it would leave the buckets and the facts apart.
     */
    @Bean
    ConfigurerModule caseFiguresErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(CaseFiguresProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
