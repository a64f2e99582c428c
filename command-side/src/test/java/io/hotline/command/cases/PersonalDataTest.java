package io.hotline.command.cases;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.ErasePersonalData;
import io.hotline.kernel.cases.PersonalDataErased;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.cases.RecordProgress;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.RevealPersonalData;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import org.junit.jupiter.api.Test;

import static io.hotline.command.cases.CaseFixtures.*;

/** 个人信息: revealing the citizen's contact is an explicit, recorded act, open to few roles; erasure is final. */
class PersonalDataTest {

    static final Actor ADMIN = Actor.of("admin", "HOTLINE", Role.ADMIN);

    @Test
    void aRevealIsRecordedAndAnswersTheContact() {
        fixture().given(registered())
                .when(new RevealPersonalData(CASE, "回访需要联系电话", OPERATOR))
                .expectEvents(new PersonalDataRevealed(CASE, "回访需要联系电话", OPERATOR, NOW))
                .expectResultMessagePayload(CITIZEN);
    }

    @Test
    void aUnitHandlerCannotRevealTheComplainant() {
        fixture().given(inHandlingBy(URBAN))
                .when(new RevealPersonalData(CASE, "curious", URBAN))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void anErasureIsRecordedEvenOnAnEndedCase() {
        fixture().given(registered(), new CaseClosed(CASE, OPERATOR, T0))
                .when(new ErasePersonalData(CASE, "erasure-1", ADMIN))
                .expectEvents(new PersonalDataErased(CASE, "erasure-1", ADMIN, NOW));
    }

    @Test
    void aSecondErasureChangesNothing() {
        fixture().given(registered(), new PersonalDataErased(CASE, "erasure-1", ADMIN, T0))
                .when(new ErasePersonalData(CASE, "erasure-2", ADMIN))
                .expectNoEvents();
    }

    @Test
    void onlyAnAdministratorErases() {
        fixture().given(registered())
                .when(new ErasePersonalData(CASE, "erasure-1", SUPERVISOR))
                .expectException(Rejected.with(Rejection.ROLE_REQUIRED));
    }

    @Test
    void afterTheErasureARevealShowsThePlaceholderAndTheCaseGoesOn() {
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new PersonalDataErased(CASE, "erasure-1", ADMIN, T0))
                .when(new RevealPersonalData(CASE, "回访", OPERATOR))
                .expectResultMessagePayload(Citizen.erased());
        fixture().given(inHandlingBy(URBAN))
                .andGiven(new PersonalDataErased(CASE, "erasure-1", ADMIN, T0))
                .when(new RecordProgress(CASE, "已联系", URBAN))
                .expectEvents(new ProgressRecorded(CASE, "URBAN-MGMT", "已联系", URBAN, NOW));
    }
}
