package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", io.hotline.kernel.common.Role.OPERATOR);

    private final AtomicInteger numbersHandedOut = new AtomicInteger();
    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(CaseFixtures.ORGANISATION);
        fixture.registerInjectableResource((CaseNumbers) at -> "20261122-00000" + numbersHandedOut.incrementAndGet());
    }

    @Test
    void everyRequestIsRegisteredWithACaseNumber() {
        fixture.givenNoPriorActivity()
                .when(register("call-0001"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered("call-0001", "20261122-000001"))
                .expectResultMessagePayload(new RegistrationReceipt("case-1", "20261122-000001", true));
    }

    @Test
    void aRetriedRegistrationReturnsTheSameCaseAndRegistersNothing() {
        fixture.given(registered("call-0001", "20261122-000007"))
                .when(register("call-0001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new RegistrationReceipt("case-1", "20261122-000007", false));
        org.assertj.core.api.Assertions.assertThat(numbersHandedOut).hasValue(0);
    }

    private static RegisterCase register(String requestId) {
        return new RegisterCase("case-1", requestId, Channel.HOTLINE, Category.COMPLAINT, Urgency.NORMAL, "路灯不亮",
                "小区门口路灯坏了三天", new Citizen("张三", "13800138000", null), "370602", OPERATOR);
    }

    private static CaseRegistered registered(String requestId, String number) {
        return new CaseRegistered("case-1", number, requestId, Channel.HOTLINE, Category.COMPLAINT, Urgency.NORMAL,
                "路灯不亮", "小区门口路灯坏了三天", new Citizen("张三", "13800138000", null), "370602", OPERATOR, NOW);
    }
}
