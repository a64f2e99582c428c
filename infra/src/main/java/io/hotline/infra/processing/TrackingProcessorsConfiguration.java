package io.hotline.infra.processing;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.util.concurrent.TimeUnit;

/**
 * Every tracking processor, whatever its processing group, runs split into {@code app.processing.segments}
 * segments with as many threads on each node. Set once here as the default, so a processing group added later
 * gets it without a line of configuration ({@code axon.eventhandling.processors.<name>.*} still overrides it
 * for one processor).
 * <p>
 * Why as many threads as segments: a tracking processor works one segment per thread, so a node with fewer
 * threads than segments could never carry the work of a node that died. With one thread per segment on every
 * node, the first node to start would claim everything; {@link SegmentShare} then hands segments over until
 * each live node holds its share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessingProperties.class)
class TrackingProcessorsConfiguration {

    @Bean
    ConfigurerModule trackingProcessorDefaults(ProcessingProperties properties) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(properties.segments())
                        .andInitialSegmentsCount(properties.segments())
                        .andTokenClaimInterval(properties.claimInterval().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    NodeRoster nodeRoster(MongoDatabaseFactory mongo, ProcessingProperties properties) {
        return new NodeRoster(mongo.getMongoDatabase().getCollection(NodeRoster.COLLECTION), properties.node(),
                properties.silenceMeaningDead());
    }

    @Bean
    SegmentShare segmentShare(EventProcessingConfiguration processing, TokenStore tokens, NodeRoster roster,
                              ProcessingProperties properties) {
        return new SegmentShare(processing, tokens, roster, properties);
    }
}
