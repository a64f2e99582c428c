package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseLocated;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Location;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request that comes with a place (an Open311 app's lat/long or address) or a photo link is registered as
 * usual, and the place is recorded beside the registration as {@link CaseLocated}; the registration event itself
 * is unchanged, so registrations stored before locations existed mean what they always meant.
 */
class LocatedRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final Actor APP = Actor.of("open311:k-fixmystreet", "HOTLINE", Role.OPERATOR);
    private static final Citizen REPORTER = new Citizen("Li Lei", null, null, "li.lei@example.org");
    private static final Location PLACE = new Location(37.5396, 121.3915, "芝罘区南大街 100 号", null);

    private FixtureConfiguration<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(CaseFixtures.ORGANISATION);
        fixture.registerInjectableResource((CaseNumbers) at -> "20261122-000001");
    }

    @Test
    void aLocatedRequestIsRegisteredThenLocatedInTheSameStep() {
        fixture.givenNoPriorActivity()
                .when(register(PLACE, "https://media.example.org/p/1.jpg"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(),
                        new CaseLocated("case-1", PLACE, "https://media.example.org/p/1.jpg", APP, NOW))
                .expectResultMessagePayload(new RegistrationReceipt("case-1", "20261122-000001", true));
    }

    @Test
    void aPhotoLinkAloneIsRecordedWithoutAPlace() {
        fixture.givenNoPriorActivity()
                .when(register(null, "https://media.example.org/p/2.jpg"))
                .expectEvents(registered(), new CaseLocated("case-1", null, "https://media.example.org/p/2.jpg", APP, NOW));
    }

    /** FixMyStreet sends one media_url per photo: every link is recorded, in order. */
    @Test
    void everyPhotoLinkIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(register(PLACE, "https://media.example.org/p/1.jpg", "https://media.example.org/p/2.jpg"))
                .expectEvents(registered(), new CaseLocated("case-1", PLACE, "https://media.example.org/p/1.jpg",
                        java.util.List.of("https://media.example.org/p/1.jpg", "https://media.example.org/p/2.jpg"),
                        APP, NOW));
    }

    /** An event stored before the list existed reads as its one link. */
    @Test
    void aLocationStoredWithOneLinkReadsAsThatLink() {
        CaseLocated old = new CaseLocated("case-1", PLACE, "https://media.example.org/p/1.jpg", null, APP, NOW);
        org.assertj.core.api.Assertions.assertThat(old.mediaUrls()).containsExactly("https://media.example.org/p/1.jpg");
        org.assertj.core.api.Assertions.assertThat(new CaseLocated("case-1", PLACE, null, APP, NOW).mediaUrls())
                .isEmpty();
    }

    @Test
    void aRequestWithoutPlaceOrMediaIsOnlyRegistered() {
        fixture.givenNoPriorActivity()
                .when(register(null))
                .expectEvents(registered());
    }

    @Test
    void aRetriedLocatedRequestRecordsNothingTwice() {
        fixture.given(registered(), new CaseLocated("case-1", PLACE, null, APP, NOW))
                .when(register(PLACE))
                .expectNoEvents()
                .expectResultMessagePayload(new RegistrationReceipt("case-1", "20261122-000001", false));
    }

    @Test
    void aPlaceNeedsAPointAnAddressOrAnAddressId() {
        assertThatThrownBy(() -> new Location(null, null, " ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location(91.0, 0.0, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Location(30.0, null, "x", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RegisterCase register(Location location, String... mediaUrls) {
        return new RegisterCase("case-1", "open311:k:abc", Channel.OPEN311, Category.COMPLAINT, Urgency.NORMAL,
                "路灯不亮", "小区门口路灯坏了三天", REPORTER, "370602", APP, location,
                mediaUrls == null ? null : java.util.Arrays.asList(mediaUrls));
    }

    private static CaseRegistered registered() {
        return new CaseRegistered("case-1", "20261122-000001", "open311:k:abc", Channel.OPEN311, Category.COMPLAINT,
                Urgency.NORMAL, "路灯不亮", "小区门口路灯坏了三天", REPORTER, "370602", APP, NOW);
    }
}
