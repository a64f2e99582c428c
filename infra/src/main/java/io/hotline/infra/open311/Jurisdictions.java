package io.hotline.infra.open311;

import org.springframework.http.HttpStatus;

/**
 * One server, one jurisdiction: {@code jurisdiction_id} may be left out, and when given must be ours, else the
 * standard's answer is that it was not found.
 */
final class Jurisdictions {

    private Jurisdictions() {
    }

    static void check(Open311Settings settings, String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.equals(settings.jurisdictionId())) {
            throw new Open311Refusal(HttpStatus.NOT_FOUND, "jurisdiction_id",
                    "not found; this server answers for '" + settings.jurisdictionId() + "'");
        }
    }
}
