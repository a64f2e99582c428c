package io.hotline.bench;

import io.hotline.infra.mongo.EmbeddedMongoConfiguration.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

/**
 * Starts the application on Axon's own MongoDB event storage engine from the Mongo extension
 * ({@link MongoEventStorageEngine}, one document per event, as a team would configure it out of the box) instead of
 * our commit log, on the same store (the embedded server with its H2 file) and with the same serialisers, upcasters
 * and Mongo template (so the same {@code MongoTokenStore} and saga store). Only the bean named
 * {@code eventStorageEngine} is replaced, after the configuration classes have declared it; everything that reads the
 * log (the event store, the tracking processors, the read models) then reads this engine.
 * <p>
 * {@code durable}: the stock engine returns once the store has the insert, which on the embedded server is before the
 * H2 file commit (MVStore commits about once a second); with {@code durable}, each append also waits for the shared
 * file commit, as our engine does before it acknowledges a command.
 */
final class StockEngine implements BeanDefinitionRegistryPostProcessor, BeanFactoryAware {

    static final String BEAN = "eventStorageEngine";

    private final boolean durable;
    private ListableBeanFactory beans;

    private StockEngine(boolean durable) {
        this.durable = durable;
    }

    /** Registers the replacement with a context about to be refreshed. */
    static ApplicationContextInitializer<ConfigurableApplicationContext> initializer(boolean durable) {
        return context -> ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("benchStockEngine",
                new RootBeanDefinition(StockEngine.class, () -> new StockEngine(durable)));
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = (ListableBeanFactory) beanFactory;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!registry.containsBeanDefinition(BEAN)) {
            throw new IllegalStateException("no bean " + BEAN + " to replace: the application's wiring changed");
        }
        registry.removeBeanDefinition(BEAN);
        registry.registerBeanDefinition(BEAN, new RootBeanDefinition(EventStorageEngine.class, this::engine));
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    private EventStorageEngine engine() {
        List<EventUpcaster> upcasters = beans.getBeanProvider(EventUpcaster.class).orderedStream().toList();
        MongoEventStorageEngine.Builder builder = MongoEventStorageEngine.builder()
                .mongoTemplate(beans.getBean("axonMongoTemplate", MongoTemplate.class))
                .eventSerializer(beans.getBean("eventSerializer", Serializer.class))
                .snapshotSerializer(beans.getBean("serializer", Serializer.class))
                .upcasterChain(new EventUpcasterChain(upcasters));
        MongoEventStorageEngine engine;
        if (durable) {
            EmbeddedMongo store = beans.getBean(EmbeddedMongo.class);
            engine = new MongoEventStorageEngine(builder) {
                @Override
                public void appendEvents(List<? extends EventMessage<?>> events) {
                    super.appendEvents(events);
                    store.flush();
                }
            };
        } else {
            engine = builder.build();
        }
        engine.ensureIndexes();
        return engine;
    }
}
