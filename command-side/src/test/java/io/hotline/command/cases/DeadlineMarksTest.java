package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.hotline.command.cases.CaseFixtures.*;

/** 电子监察: warnings and overdue marks, each raised once, only for the deadline in force. */
class DeadlineMarksTest {

    private static final Instant SIGN_DUE = T0.plus(SIGN_FOR);
    private static final Instant SIGN_WARN = deadline(DeadlineKind.SIGN_FOR, T0, SIGN_FOR).warnAt();

    @Test
    void aWarningIsRaisedWhenTheWarningShareIsUsed() {
        fixtureAt(SIGN_WARN).given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectEvents(new DeadlineWarningRaised(CASE, DeadlineKind.SIGN_FOR, "URBAN-MGMT", SIGN_DUE,
                        Actor.SYSTEM, SIGN_WARN));
    }

    @Test
    void aCheckBeforeTheWarningChangesNothing() {
        fixtureAt(SIGN_WARN.minusSeconds(1)).given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void theWarningIsRaisedOnce() {
        fixtureAt(SIGN_WARN.plusSeconds(5)).given(registered(), dispatchedTo("URBAN-MGMT"),
                        new DeadlineWarningRaised(CASE, DeadlineKind.SIGN_FOR, "URBAN-MGMT", SIGN_DUE, Actor.SYSTEM, SIGN_WARN))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void anUnsignedCaseIsOverdueWhenTheSignForDeadlinePasses() {
        fixtureAt(SIGN_DUE).given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.SIGN_FOR, "URBAN-MGMT", SIGN_DUE, Actor.SYSTEM,
                        SIGN_DUE));
    }

    @Test
    void theOverdueMarkIsRaisedOnceEvenWhenTheCheckRepeats() {
        fixtureAt(SIGN_DUE.plusSeconds(60)).given(registered(), dispatchedTo("URBAN-MGMT"),
                        new DeadlineMissed(CASE, DeadlineKind.SIGN_FOR, "URBAN-MGMT", SIGN_DUE, Actor.SYSTEM, SIGN_DUE))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void aDoneStepRaisesNothing() {
        fixtureAt(SIGN_DUE.plusSeconds(60)).given(inHandlingBy(URBAN))
                .when(new CheckDeadline(CASE, DeadlineKind.SIGN_FOR, SIGN_DUE, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void aDeadlineMovedByAnExtensionNoLongerFiresAtTheOldTime() {
        Instant oldDue = T0.plus(COMPLETION);
        fixtureAt(oldDue.plusSeconds(1)).given(inHandlingBy(URBAN))
                .andGiven(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "r", URBAN, T0),
                        new ExtensionApproved(CASE, 5, deadline(DeadlineKind.COMPLETION, T0,
                                COMPLETION.plusDays(5)), COORDINATOR, T0))
                .when(new CheckDeadline(CASE, DeadlineKind.COMPLETION, oldDue, Actor.SYSTEM))
                .expectNoEvents();
    }

    @Test
    void anOverdueReplyIsMarkedAgainstTheAccountableUnit() {
        Instant due = T0.plus(COMPLETION);
        fixtureAt(due.plusSeconds(1)).given(inHandlingBy(URBAN))
                .when(new CheckDeadline(CASE, DeadlineKind.COMPLETION, due, Actor.SYSTEM))
                .expectEvents(new DeadlineMissed(CASE, DeadlineKind.COMPLETION, "URBAN-MGMT", due, Actor.SYSTEM,
                        due.plusSeconds(1)));
    }
}
