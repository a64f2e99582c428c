package io.hotline.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * With {@code MONGODB_URI} set, the Spring Boot tests run against that MongoDB (a replica set the tester
 * provides) instead of the embedded store. Each test class then gets a database of its own,
 * {@code hotline_test_<class>_<random>}, so classes never see each other's cases, counters or tokens, and a
 * run never sees an earlier run's. Without {@code MONGODB_URI} nothing changes: every test class already keeps
 * its embedded store in a temporary directory. Registered in {@code META-INF/spring.factories}.
 */
public class FreshDatabasePerTestClass implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        String uri = System.getenv("MONGODB_URI");
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String database = "hotline_test_" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        return new OwnDatabase(database);
    }

    /** Points one test class's application context at its own database. */
    record OwnDatabase(String database) implements ContextCustomizer {

        private static final Logger log = LoggerFactory.getLogger(OwnDatabase.class);

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("spring.data.mongodb.database=" + database).applyTo(context);
            log.info("{} uses database {} of the MongoDB at MONGODB_URI", config.getTestClass().getSimpleName(),
                    database);
        }
    }
}
