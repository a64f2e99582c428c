package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hotline.command.cases.CaseFixtures.*;

/**
 * Scoping by subtree on the command side: a district's coordinator and supervisor act on the cases of the district's
 * subtree only; the hotline's own staff act on every case. Out of sight is answered as a missing case.
 */
class SubtreeScopeTest {

    private static final Actor DISTRICT_SUPERVISOR = Actor.of("hc-du", DISTRICT, Role.SUPERVISOR);
    private static final Actor DISTRICT_COORDINATOR = Actor.of("hc-xie", DISTRICT, Role.COORDINATOR);
    private static final Actor OTHER_DISTRICT_SUPERVISOR = Actor.of("wd-du", "WENDENG", Role.SUPERVISOR);

    private static Object[] withTheStreet() {
        return new Object[]{registered(), dispatchedTo(DISTRICT), signedBy(DISTRICT_HANDLER),
                new CaseDispatchedDown(CASE, DISTRICT, STREET, List.of(), null, 2,
                        deadline(DeadlineKind.SIGN_FOR, T0, STREET_SIGN_FOR), DISTRICT_HANDLER, T0)};
    }

    @Test
    void aDistrictSupervisorUrgesACaseOfItsSubtree() {
        fixture().given(withTheStreet())
                .when(new UrgeCase(CASE, "请加快", DISTRICT_SUPERVISOR))
                .expectEvents(new CaseUrged(CASE, STREET, "请加快", DISTRICT_SUPERVISOR, NOW));
    }

    @Test
    void anotherDistrictsSupervisorDoesNotSeeTheCase() {
        fixture().given(withTheStreet())
                .when(new UrgeCase(CASE, "请加快", OTHER_DISTRICT_SUPERVISOR))
                .expectNoEvents()
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void aCaseWithACityDepartmentIsOutOfADistrictsSight() {
        fixture().given(inHandlingBy(URBAN))
                .when(new SuperviseCase(CASE, "督办", DISTRICT_SUPERVISOR))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void aDistrictCoordinatorDecidesAnExtensionInItsSubtree() {
        List<Object> given = new java.util.ArrayList<>(List.of(withTheStreet()));
        given.add(new CaseSignedFor(CASE, STREET, true, deadline(DeadlineKind.COMPLETION, T0, STREET_COMPLETION),
                STREET_HANDLER, T0));
        given.add(new ExtensionRequested(CASE, STREET, 2, "需要协调", STREET_HANDLER, T0));
        fixture().given(given)
                .when(new RejectExtension(CASE, "不予延期", DISTRICT_COORDINATOR))
                .expectEvents(new ExtensionRejected(CASE, "不予延期", DISTRICT_COORDINATOR, NOW));
    }

    @Test
    void theHotlinesSupervisorSeesEveryCase() {
        fixture().given(withTheStreet())
                .when(new UrgeCase(CASE, "请加快", SUPERVISOR))
                .expectEvents(new CaseUrged(CASE, STREET, "请加快", SUPERVISOR, NOW));
    }
}
