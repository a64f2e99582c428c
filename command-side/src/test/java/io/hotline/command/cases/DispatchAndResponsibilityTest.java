package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.hotline.command.cases.CaseFixtures.*;

/** 派单, 签收, 异议, 改派, 协调, 转办: first-question responsibility (首问负责) as an invariant. */
class DispatchAndResponsibilityTest {

    @Test
    void dispatchNamesTheLeadAndAssistingUnitsAndStartsTheSignForClock() {
        fixture().given(registered())
                .when(new DispatchCase(CASE, "URBAN-MGMT", List.of("HOUSING"), OPERATOR))
                .expectEvents(new CaseDispatched(CASE, "URBAN-MGMT", List.of("HOUSING"), "URBAN-MGMT", false,
                        deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), OPERATOR, NOW))
                .expectResultMessagePayload(new CaseAcknowledged(CASE, 1));
    }

    @Test
    void choosingAnotherUnitThanTheCatalogueProposesIsARecordedOverride() {
        fixture().given(registered())
                .when(new DispatchCase(CASE, "HOUSING", List.of(), OPERATOR))
                .expectEvents(new CaseDispatched(CASE, "HOUSING", List.of(), "URBAN-MGMT", true,
                        deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), OPERATOR, NOW));
    }

    @Test
    void theLeadUnitCannotAlsoAssist() {
        fixture().given(registered())
                .when(new DispatchCase(CASE, "URBAN-MGMT", List.of("URBAN-MGMT"), OPERATOR))
                .expectException(Rejected.with(Rejection.LEAD_AMONG_ASSISTANTS));
    }

    @Test
    void aCaseIsDispatchedOnlyOnce() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new DispatchCase(CASE, "HOUSING", List.of(), OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_REGISTERED));
    }

    @Test
    void unitsDoNotDispatch() {
        fixture().given(registered())
                .when(new DispatchCase(CASE, "URBAN-MGMT", List.of(), URBAN))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void signingForStartsTheCompletionClock() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new SignForCase(CASE, URBAN))
                .expectEvents(new CaseSignedFor(CASE, "URBAN-MGMT", true,
                        deadline(DeadlineKind.COMPLETION, NOW, COMPLETION), URBAN, NOW));
    }

    @Test
    void aStandInSignsAndTheRecordShowsForWhom() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new SignForCase(CASE, URBAN_STAND_IN))
                .expectEvents(new CaseSignedFor(CASE, "URBAN-MGMT", true,
                        deadline(DeadlineKind.COMPLETION, NOW, COMPLETION), URBAN_STAND_IN, NOW));
    }

    @Test
    void signingAfterTheSignForDeadlineIsRecordedAsLate() {
        java.time.Instant late = T0.plus(SIGN_FOR).plusSeconds(1);
        fixtureAt(late).given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new SignForCase(CASE, URBAN))
                .expectEvents(new CaseSignedFor(CASE, "URBAN-MGMT", false,
                        deadline(DeadlineKind.COMPLETION, late, COMPLETION), URBAN, late));
    }

    @Test
    void signingACaseThatIsNotYoursIsForbidden() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new SignForCase(CASE, HOUSING))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void aCaseIsSignedForOnlyOnce() {
        fixture().given(inHandlingBy(URBAN))
                .when(new SignForCase(CASE, URBAN))
                .expectException(Rejected.with(Rejection.NOT_DISPATCHED));
    }

    @Test
    void anObjectionKeepsTheFirstUnitAccountable() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new ObjectToJurisdiction(CASE, "不属于本单位职责", URBAN))
                .expectEvents(new JurisdictionObjected(CASE, "URBAN-MGMT", "不属于本单位职责", URBAN, NOW))
                // Still the objecting unit's case: it cannot be signed away by anyone else, nor transferred by it.
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.accountableUnit").isEqualTo("URBAN-MGMT"));
    }

    @Test
    void anotherUnitCannotObjectOnTheLeadsBehalf() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new ObjectToJurisdiction(CASE, "reason", HOUSING))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void aSecondObjectionWhileOneIsPendingIsRefused() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new ObjectToJurisdiction(CASE, "again", URBAN))
                .expectException(Rejected.with(Rejection.OBJECTION_PENDING));
    }

    @Test
    void aUnitWhoseObjectionIsPendingCannotSign() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new SignForCase(CASE, URBAN))
                .expectException(Rejected.with(Rejection.OBJECTION_PENDING));
    }

    @Test
    void aCoordinatorsDesignationMovesAccountability() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new DesignateLeadUnit(CASE, "HOUSING", List.of("URBAN-MGMT"), "住建部门牵头", COORDINATOR))
                .expectEvents(new LeadUnitDesignated(CASE, "URBAN-MGMT", "HOUSING", List.of("URBAN-MGMT"),
                        "住建部门牵头", deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), COORDINATOR, NOW))
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.accountableUnit").isEqualTo("HOUSING"));
    }

    @Test
    void onlyACoordinatorDesignatesTheLeadUnit() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new DesignateLeadUnit(CASE, "HOUSING", List.of(), "reason", OPERATOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aSecondDesignationWhileNoneIsPendingIsRefused() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN),
                        new LeadUnitDesignated(CASE, "URBAN-MGMT", "HOUSING", List.of(), "r",
                                deadline(DeadlineKind.SIGN_FOR, T0, SIGN_FOR), COORDINATOR, T0))
                .when(new DesignateLeadUnit(CASE, "WATER", List.of(), "again", COORDINATOR))
                .expectException(Rejected.with(Rejection.NO_OBJECTION_PENDING));
    }

    @Test
    void confirmingTheUnitThatAlreadySignedKeepsItsClock() {
        fixture().given(inHandlingBy(URBAN)).andGiven(objectedBy(URBAN))
                .when(new DesignateLeadUnit(CASE, "URBAN-MGMT", List.of(), "职责确属本单位", COORDINATOR))
                .expectEvents(new LeadUnitDesignated(CASE, "URBAN-MGMT", "URBAN-MGMT", List.of(),
                        "职责确属本单位", null, COORDINATOR, NOW));
    }

    @Test
    void theHotlineRedispatchesAfterReviewingAnObjection() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new RedispatchCase(CASE, "WATER", List.of(), "属供水管网", OPERATOR))
                .expectEvents(new CaseRedispatched(CASE, "URBAN-MGMT", "WATER", List.of(), "属供水管网",
                        deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), OPERATOR, NOW));
    }

    @Test
    void redispatchWithoutAnObjectionIsRefused() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new RedispatchCase(CASE, "WATER", List.of(), "r", OPERATOR))
                .expectException(Rejected.with(Rejection.NO_OBJECTION_PENDING));
    }

    @Test
    void redispatchToTheSameUnitIsRefused() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"), objectedBy(URBAN))
                .when(new RedispatchCase(CASE, "URBAN-MGMT", List.of(), "r", OPERATOR))
                .expectException(Rejected.with(Rejection.SAME_UNIT));
    }

    @Test
    void aTransferMovesTheLeadButAccountabilityOnlyWhenTheReceiverSigns() {
        fixture().given(inHandlingBy(URBAN))
                .when(new TransferCase(CASE, "WATER", "供水管网问题", URBAN))
                .expectEvents(new CaseTransferred(CASE, "URBAN-MGMT", "WATER", "供水管网问题",
                        deadline(DeadlineKind.SIGN_FOR, NOW, SIGN_FOR), URBAN, NOW))
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.accountableUnit").isEqualTo("URBAN-MGMT"));
    }

    @Test
    void theReceivingUnitAcceptsATransferBySigning() {
        fixture().given(inHandlingBy(URBAN)).andGiven(new CaseTransferred(CASE, "URBAN-MGMT", "WATER", "r",
                        deadline(DeadlineKind.SIGN_FOR, T0, SIGN_FOR), URBAN, T0))
                .when(new SignForCase(CASE, WATER))
                .expectSuccessfulHandlerExecution()
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.accountableUnit").isEqualTo("WATER"));
    }

    @Test
    void transferringToTheSameUnitIsRefused() {
        fixture().given(inHandlingBy(URBAN))
                .when(new TransferCase(CASE, "URBAN-MGMT", "r", URBAN))
                .expectException(Rejected.with(Rejection.SAME_UNIT));
    }

    @Test
    void onlyTheLeadUnitTransfers() {
        fixture().given(inHandlingBy(URBAN))
                .when(new TransferCase(CASE, "WATER", "r", HOUSING))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void anUnsignedCaseCannotBeTransferred() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new TransferCase(CASE, "WATER", "r", URBAN))
                .expectException(Rejected.with(Rejection.NOT_IN_HANDLING));
    }
}
