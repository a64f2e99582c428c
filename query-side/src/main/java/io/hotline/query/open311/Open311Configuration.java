package io.hotline.query.open311;

import io.hotline.kernel.open311.Open311Settings;
import io.hotline.query.caseview.CaseLookup;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.ZoneId;
import java.util.List;

/**
 * The read side of the Open311 GeoReport v2 endpoint: our request types as services, and the reads of the
 * requests filed. The dispatch catalogue is read from {@code app.policy.dispatch.catalogue} directly, not from
 * the command side's bean, so a query-only node lists the same services.
 */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    @Bean
    ServiceCatalogue open311Services(Environment environment, Open311Settings settings) {
        List<ServiceCatalogue.Line> lines = Binder.get(environment)
                .bind("app.policy.dispatch.catalogue", Bindable.listOf(ServiceCatalogue.Line.class))
                .orElse(List.of());
        return new ServiceCatalogue(lines, settings.defaultArea());
    }

    @Bean
    ServiceRequests open311Requests(ReactiveMongoTemplate mongo, ReadModelGenerations generations, CaseLookup cases,
                                    Registrations registrations, ZoneId zone) {
        return new ServiceRequests(mongo, generations, cases, registrations, zone);
    }
}
