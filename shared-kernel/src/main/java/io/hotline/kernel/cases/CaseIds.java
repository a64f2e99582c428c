package io.hotline.kernel.cases;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Case identities. A case id is derived from the caller's request id, so a retried registration lands on
 * the same aggregate and can never create a second case, even when two retries race on two nodes.
 */
public final class CaseIds {

    private CaseIds() {
    }

    public static String forRequest(String requestId) {
        return UUID.nameUUIDFromBytes(("hotline-request:" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
