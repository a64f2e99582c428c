package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.citizen.RecordNotification;
import io.hotline.kernel.citizen.RecordOptOut;
import io.hotline.kernel.common.Actor;
import org.junit.jupiter.api.Test;

import static io.hotline.command.cases.CaseFixtures.*;
import static io.hotline.kernel.citizen.NotificationChannel.EMAIL;
import static io.hotline.kernel.citizen.NotificationChannel.SMS;
import static io.hotline.kernel.citizen.NotificationOutcome.DELIVERED;
import static io.hotline.kernel.citizen.NotificationOutcome.SENT;
import static io.hotline.kernel.citizen.NotificationOutcome.SUPPRESSED;

/** 件件有回音: what the citizen was told is recorded on the case, once per outcome; 退订 is recorded and reversible. */
class CitizenNotificationRulesTest {

    static final String KEY = "ck-phone-key";

    static RecordNotification sent(String id) {
        return new RecordNotification(CASE, id, SMS, "REGISTERED", SENT, null, false, Actor.SYSTEM);
    }

    @Test
    void aSentMessageIsRecordedOnTheCase() {
        fixture().given(registered())
                .when(sent("n-1"))
                .expectEvents(new CitizenNotified(CASE, "n-1", SMS, "REGISTERED", SENT, null, false, Actor.SYSTEM,
                        NOW));
    }

    @Test
    void theSameOutcomeRecordedAgainChangesNothing() {
        fixture().given(registered(), new CitizenNotified(CASE, "n-1", SMS, "REGISTERED", SENT, null, false,
                        Actor.SYSTEM, T0))
                .when(sent("n-1"))
                .expectNoEvents();
    }

    @Test
    void aDeliveryAfterTheSendingIsRecordedToo() {
        fixture().given(registered(), new CitizenNotified(CASE, "n-1", SMS, "REGISTERED", SENT, null, false,
                        Actor.SYSTEM, T0))
                .when(new RecordNotification(CASE, "n-1", SMS, "REGISTERED", DELIVERED, null, false, Actor.SYSTEM))
                .expectEvents(new CitizenNotified(CASE, "n-1", SMS, "REGISTERED", DELIVERED, null, false,
                        Actor.SYSTEM, NOW));
    }

    @Test
    void anOutcomeIsAcceptedOnAnEndedCase() {
        fixture().given(registered(), new CaseWithdrawn(CASE, "不需要了", OPERATOR, T0))
                .when(new RecordNotification(CASE, "n-2", EMAIL, "CLOSED", SUPPRESSED, "opted out", true,
                        Actor.SYSTEM))
                .expectEvents(new CitizenNotified(CASE, "n-2", EMAIL, "CLOSED", SUPPRESSED, "opted out", true,
                        Actor.SYSTEM, NOW));
    }

    @Test
    void noPersonRecordsThatAMessageWasSent() {
        fixture().given(registered())
                .when(new RecordNotification(CASE, "n-1", SMS, "REGISTERED", SENT, null, false, OPERATOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void anOptOutIsRecordedOnceEvenOnAClosedCase() {
        fixture().given(registered(), new CaseClosed(CASE, OPERATOR, T0))
                .when(new RecordOptOut(CASE, KEY, true, Actor.SYSTEM))
                .expectEvents(new CitizenOptedOut(CASE, KEY, Actor.SYSTEM, NOW));
        fixture().given(registered(), new CitizenOptedOut(CASE, KEY, Actor.SYSTEM, T0))
                .when(new RecordOptOut(CASE, KEY, true, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void anOptOutIsReversible() {
        fixture().given(registered(), new CitizenOptedOut(CASE, KEY, Actor.SYSTEM, T0))
                .when(new RecordOptOut(CASE, KEY, false, Actor.SYSTEM))
                .expectEvents(new CitizenOptedIn(CASE, KEY, Actor.SYSTEM, NOW));
        fixture().given(registered())
                .when(new RecordOptOut(CASE, KEY, false, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void noPersonOptsACitizenOut() {
        fixture().given(registered())
                .when(new RecordOptOut(CASE, KEY, true, OPERATOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }
}
