package io.hotline.intake;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same round trip against a real MongoDB replica set in a container. Skipped, not failed, where no Docker
 * engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeOnRealMongoTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("hotline"));
        TestAccounts.configure(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aRegisteredComplaintCanBeReadBack() {
        WebTestClient operator = TestAccounts.client(context, "op-real", "HOTLINE", Role.OPERATOR);
        IntakeRoundTrip.registerAndReadBack(operator, "call-real-0001");
    }
}
