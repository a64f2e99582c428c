package io.hotline.command.cases;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Jurisdiction;
import org.junit.jupiter.api.Test;

import static io.hotline.command.cases.CaseFixtures.*;

/** 受理: every request is accepted; duplicates are merged, other bodies' matters redirected. */
class IntakeRulesTest {

    @Test
    void anotherBodysMatterIsRegisteredThenAnsweredWithWhereToTakeIt() {
        fixture().given(registered())
                .when(new RedirectCase(CASE, Jurisdiction.COURT, "合同纠纷请向人民法院起诉", OPERATOR))
                .expectEvents(new CaseRedirected(CASE, Jurisdiction.COURT, "合同纠纷请向人民法院起诉", OPERATOR, NOW))
                .expectResultMessagePayload(new CaseAcknowledged(CASE, 1));
    }

    @Test
    void redirectingToTheHotlineItselfIsRefused() {
        fixture().given(registered())
                .when(new RedirectCase(CASE, Jurisdiction.HOTLINE, "?", OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_OUR_JURISDICTION_ONLY));
    }

    @Test
    void aDispatchedCaseCanNoLongerBeRedirected() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new RedirectCase(CASE, Jurisdiction.POLICE_110, "请拨打110", OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_REGISTERED));
    }

    @Test
    void aRepeatedRequestIsMergedIntoItsOriginalAndKeepsItsNumber() {
        fixture().given(registered())
                .when(new MergeIntoCase(CASE, "case-0", "20261122-000042", OPERATOR))
                .expectEvents(new CaseMerged(CASE, "case-0", "20261122-000042", OPERATOR, NOW, "20261123-000001"))
                .expectResultMessagePayload(new CaseReference(CASE, "20261123-000001", 1));
    }

    @Test
    void aMergeTargetIsConfirmedWithItsNumberAndNothingChanges() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new ConfirmMergeTarget(CASE, OPERATOR))
                .expectNoEvents()
                .expectResultMessagePayload(new CaseReference(CASE, "20261123-000001", 1));
    }

    @Test
    void aMergedCaseCannotTakeRepeatedRequests() {
        fixture().given(registered(), new CaseMerged(CASE, "case-0", "n", OPERATOR, T0))
                .when(new ConfirmMergeTarget(CASE, OPERATOR))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @Test
    void theOriginalRecordsTheRepeatedRequestMergedIntoIt() {
        fixture().given(registered())
                .when(new LinkRepeatedRequest(CASE, "case-9", "20261123-000009", OPERATOR))
                .expectEvents(new RepeatedRequestLinked(CASE, "case-9", "20261123-000009", OPERATOR, NOW));
    }

    @Test
    void aRepeatedLinkChangesNothing() {
        // The merge process sends the link again after a failure it could not see the end of.
        fixture().given(registered(), new RepeatedRequestLinked(CASE, "case-9", "20261123-000009", OPERATOR, T0))
                .when(new LinkRepeatedRequest(CASE, "case-9", "20261123-000009", OPERATOR))
                .expectNoEvents()
                .expectResultMessagePayload(new CaseAcknowledged(CASE, 1));
    }

    @Test
    void aCaseCannotBeMergedIntoItself() {
        fixture().given(registered())
                .when(new MergeIntoCase(CASE, CASE, "20261123-000001", OPERATOR))
                .expectException(Rejected.with(Rejection.MERGE_INTO_ITSELF));
    }

    @Test
    void nothingCanBeMergedIntoAMergedCase() {
        fixture().given(registered(), new CaseMerged(CASE, "case-0", "n", OPERATOR, T0))
                .when(new LinkRepeatedRequest(CASE, "case-9", "20261123-000009", OPERATOR))
                .expectException(Rejected.with(Rejection.CASE_ENDED));
    }

    @Test
    void aConsultationIsResolvedAtIntake() {
        fixture().given(registered())
                .when(new ResolveAtIntake(CASE, "办理居住证请携带身份证到社区服务中心", OPERATOR))
                .expectEvents(new CaseResolvedAtIntake(CASE, "办理居住证请携带身份证到社区服务中心", OPERATOR, NOW));
    }

    @Test
    void anAnswerFromAKnowledgeArticleRecordsTheArticleAndTheVersionReadOut() {
        fixture().given(registered())
                .when(new ResolveAtIntake(CASE, "计划停水前24小时公告", OPERATOR, "article-1", 2))
                .expectEvents(new CaseResolvedAtIntake(CASE, "计划停水前24小时公告", OPERATOR, NOW, "article-1", 2));
    }

    @Test
    void anArticleCitedWithoutItsVersionIsRefused() {
        fixture().given(registered())
                .when(new ResolveAtIntake(CASE, "计划停水前24小时公告", OPERATOR, "article-1", null))
                .expectException(Rejected.with(Rejection.ARTICLE_VERSION_REQUIRED));
    }

    @Test
    void onlyOperatorsRegisterAndResolve() {
        fixture().given(registered())
                .when(new ResolveAtIntake(CASE, "answer", URBAN))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void aCaseAlreadyDispatchedCannotBeResolvedAtIntake() {
        fixture().given(registered(), dispatchedTo("URBAN-MGMT"))
                .when(new ResolveAtIntake(CASE, "answer", OPERATOR))
                .expectException(Rejected.with(Rejection.NOT_REGISTERED));
    }
}
