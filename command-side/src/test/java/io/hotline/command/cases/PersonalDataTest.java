package io.hotline.command.cases;

import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.cases.RevealPersonalData;
import org.junit.jupiter.api.Test;

import static io.hotline.command.cases.CaseFixtures.*;

/** 个人信息: revealing the citizen's contact is an explicit, recorded act, open to few roles. */
class PersonalDataTest {

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
}
