package io.hotline.command.intake;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failing step of the merge process stops its processor, which retries the same event with a growing pause,
 * instead of logging it and moving on (the default), which would leave a merged request unlinked for good.
 */
@Configuration(proxyBeanMethods = false)
class MergeProcessConfiguration {

    @Bean
    ConfigurerModule mergeProcessRetries() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                RepeatedRequestMerge.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
