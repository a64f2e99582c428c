package io.hotline.query;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.query.web.Readers;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

/**
 * The whole app on the embedded store on a random port, shared by the query-side integration tests (one
 * context): a clock the tests set, a reader the tests switch, and events appended straight to the log.
 * Tests use their own case ids, units and areas, so they do not see each other's cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.query.read-your-write-timeout=3s",
        "app.query.rebuild.check-interval=2s",
        "app.query.rebuild.retire-after=1s",
        "app.query.inbox-stream-poll=200ms"})
@Import(QueryTestSupport.Fixtures.class)
public abstract class QueryTestSupport {

    public static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    public static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    public static final Actor ADMIN = Actor.of("admin-1", "HOTLINE", Role.ADMIN);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", QueryTestSupport::tempDir);
        io.hotline.testing.TestAccounts.configure(registry);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("hotline-query-it").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    private org.springframework.context.ApplicationContext context;
    /** The client with a patient time-out: the two shared cores are busy, and the first calls warm things up. */
    protected WebTestClient http;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected SwitchableReaders readers;

    @BeforeEach
    protected void patientClient() {
        // Signed in as the administrator, who passes the web edge everywhere; who the query side sees as the
        // reader is the switchable Readers below.
        http = io.hotline.testing.TestAccounts.admin(context).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void backToTheDesk() {
        readers.actAs(OPERATOR);
        clock.set(T0);
    }

    protected CaseScript story(String caseId) {
        return new CaseScript(eventStore, caseId, T0);
    }

    /** Polls until the condition holds; for what the app does on its own threads. */
    protected static void eventually(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + within);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A clock the tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now = T0;

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The signed-in reader, switched by the tests (the placeholder security answers an operator for all). */
    public static final class SwitchableReaders implements Readers {
        private volatile Actor actor = OPERATOR;

        public void actAs(Actor reader) {
            actor = reader;
        }

        @Override
        public Mono<Actor> current() {
            return Mono.fromSupplier(() -> actor);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Fixtures {

        @Bean
        @Primary
        MutableClock pinnedClock() {
            return new MutableClock();
        }

        @Bean
        @Primary
        SwitchableReaders switchableReaders() {
            return new SwitchableReaders();
        }
    }
}
