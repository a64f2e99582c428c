package io.hotline.command.intake;

import io.hotline.kernel.cases.RegistrationReceipt;
import io.hotline.kernel.citizen.QueryCodes;

/**
 * What the operator's registration answers over HTTP: the receipt and the case's 查询码, so the operator reads both
 * out to the caller. The code is computed here, at the edge, from the case id ({@link QueryCodes}): it is in no event
 * and no store, and a retried registration answers the same code.
 */
record RegistrationAnswer(String caseId, String caseNumber, boolean newlyRegistered, String queryCode) {

    static RegistrationAnswer of(RegistrationReceipt receipt, QueryCodes codes) {
        return new RegistrationAnswer(receipt.caseId(), receipt.caseNumber(), receipt.newlyRegistered(),
                codes.codeFor(receipt.caseId()));
    }
}
