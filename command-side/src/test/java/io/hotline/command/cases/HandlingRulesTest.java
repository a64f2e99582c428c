package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.hotline.command.cases.CaseFixtures.*;

/** 办理: progress, 一次性告知, 延期 and the reply. */
class HandlingRulesTest {

    @Test
    void theLeadUnitRecordsProgress() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RecordProgress(CASE, "已派人现场查看", URBAN))
                .expectEvents(new ProgressRecorded(CASE, "URBAN-MGMT", "已派人现场查看", URBAN, NOW));
    }

    @Test
    void anAssistingUnitRecordsProgressToo() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT", "HOUSING"), signedBy(URBAN))
                .when(new RecordProgress(CASE, "配合排查", HOUSING))
                .expectEvents(new ProgressRecorded(CASE, "HOUSING", "配合排查", HOUSING, NOW));
    }

    @Test
    void aUnitOutsideTheCaseCannotRecordProgress() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RecordProgress(CASE, "note", WATER))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }

    @Test
    void progressNeedsASignedCase() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new RecordProgress(CASE, "note", URBAN))
                .expectException(Rejected.with(Rejection.NOT_IN_HANDLING));
    }

    @Test
    void aMaterialRequestListsEveryItemAtOnce() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RequestMaterials(CASE, List.of("现场照片", "物业联系方式"), URBAN))
                .expectEvents(new MaterialsRequested(CASE, "URBAN-MGMT", List.of("现场照片", "物业联系方式"), false,
                        URBAN, NOW));
    }

    @Test
    void aSecondMaterialRequestIsAcceptedButRecordedAsAViolation() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new MaterialsRequested(CASE, "URBAN-MGMT", List.of("现场照片"), false, URBAN, T0))
                .when(new RequestMaterials(CASE, List.of("身份证复印件"), URBAN))
                .expectEvents(new MaterialsRequested(CASE, "URBAN-MGMT", List.of("身份证复印件"), true, URBAN, NOW));
    }

    @Test
    void anEmptyMaterialRequestIsRefused() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RequestMaterials(CASE, List.of(), URBAN))
                .expectException(Rejected.with(Rejection.NOTHING_TO_REQUEST));
    }

    @Test
    void anExtensionIsAskedBeforeTheDeadline() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RequestExtension(CASE, 5, "需协调多部门", URBAN))
                .expectEvents(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "需协调多部门", URBAN, NOW));
    }

    @Test
    void anExtensionAskedAfterTheDeadlineIsRefused() {
        fixtureAt(T0.plus(COMPLETION).plusSeconds(1)).given(inHandlingBy(URBAN))
                .when(new RequestExtension(CASE, 5, "too late", URBAN))
                .expectException(Rejected.with(Rejection.EXTENSION_TOO_LATE));
    }

    @Test
    void oneExtensionRequestAtATime() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "r", URBAN, T0))
                .when(new RequestExtension(CASE, 3, "again", URBAN))
                .expectException(Rejected.with(Rejection.EXTENSION_PENDING));
    }

    @Test
    void anApprovedExtensionMovesTheCompletionDeadline() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "r", URBAN, T0))
                .when(new ApproveExtension(CASE, COORDINATOR))
                .expectEvents(new ExtensionApproved(CASE, 5,
                        deadline(DeadlineKind.COMPLETION, T0, COMPLETION.plus(Duration.ofDays(5))), COORDINATOR, NOW));
    }

    @Test
    void aRejectedExtensionLeavesTheDeadline() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "r", URBAN, T0))
                .when(new RejectExtension(CASE, "理由不充分", COORDINATOR))
                .expectEvents(new ExtensionRejected(CASE, "理由不充分", COORDINATOR, NOW))
                .expectState(state -> org.assertj.core.api.Assertions.assertThat(state)
                        .extracting("state.completionDeadline")
                        .isEqualTo(deadline(DeadlineKind.COMPLETION, T0, COMPLETION)));
    }

    @Test
    void approvingWithoutARequestIsRefused() {
        fixture().given(inHandlingBy(URBAN))
                .when(new ApproveExtension(CASE, COORDINATOR))
                .expectException(Rejected.with(Rejection.NO_EXTENSION_PENDING));
    }

    @Test
    void onlyACoordinatorApprovesExtensions() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new ExtensionRequested(CASE, "URBAN-MGMT", 5, "r", URBAN, T0))
                .when(new ApproveExtension(CASE, URBAN))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void theLeadUnitRepliesWithTheResult() {
        fixture().given(inHandlingBy(URBAN))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "路灯已修复", URBAN))
                .expectEvents(new CaseReplied(CASE, "URBAN-MGMT", ReplyResult.SOLVED, "路灯已修复", true, URBAN, NOW));
    }

    @Test
    void aReplyAfterTheDeadlineIsRecordedAsLate() {
        java.time.Instant late = T0.plus(COMPLETION).plusSeconds(60);
        fixtureAt(late).given(inHandlingBy(URBAN))
                .when(new ReplyToCitizen(CASE, ReplyResult.EXPLAINED, "已解释", URBAN))
                .expectEvents(new CaseReplied(CASE, "URBAN-MGMT", ReplyResult.EXPLAINED, "已解释", false, URBAN, late));
    }

    @Test
    void replyingBeforeSigningIsRefused() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "text", URBAN))
                .expectException(Rejected.with(Rejection.NOT_IN_HANDLING));
    }

    /** A unit that assists sees the case, so it is told the reply is not its to give (403), not "no such case". */
    @Test
    void anAssistingUnitCannotReplyAndIsToldWhy() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT", "HOUSING"), signedBy(URBAN))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "text", HOUSING))
                .expectException(Rejected.with(Rejection.NOT_YOUR_CASE));
    }

    /** A unit that never had the case cannot see it: the refusal reveals no more than a missing case would. */
    @Test
    void anotherUnitCannotReply() {
        fixture().given(inHandlingBy(URBAN))
                .when(new ReplyToCitizen(CASE, ReplyResult.SOLVED, "text", HOUSING))
                .expectException(Rejected.with(Rejection.OUT_OF_SIGHT));
    }
}
