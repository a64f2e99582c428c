package io.hotline.kernel.open311;

import java.util.Optional;

/**
 * The Open311 GeoReport v2 endpoint's settings ({@code app.open311.*}), the same for the intake and the read side;
 * a setting left out takes the default given here.
 *
 * @param jurisdictionId    the {@code jurisdiction_id} this server answers for; a request naming another one is
 *                          told it is not found (the parameter may also be left out, as one-city servers allow);
 *                          {@code hotline} by default
 * @param defaultArea       the six-digit area code a request is registered under when the reporting app sends no
 *                          {@code attribute[area]}; empty: the attribute is required
 * @param requestsPerMinute how many requests one API key may file per minute on one node (a burst of that many,
 *                          refilled evenly over the minute); past it the app is answered {@code 429}; 30 by default
 * @param contact           who runs the endpoint, for the discovery document
 */
public record Open311Settings(String jurisdictionId, String defaultArea, Integer requestsPerMinute, String contact) {

    private static final int NOT_FOUND = 404;

    public Open311Settings {
        jurisdictionId = jurisdictionId == null ? "hotline" : jurisdictionId;
        if (defaultArea != null && !defaultArea.isBlank() && !defaultArea.strip().matches("\\d{6}")) {
            throw new IllegalArgumentException("app.open311.default-area must be a six-digit area code");
        }
        defaultArea = defaultArea == null || defaultArea.isBlank() ? null : defaultArea.strip();
        requestsPerMinute = requestsPerMinute == null ? 30 : requestsPerMinute;
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("app.open311.requests-per-minute must be 1 or more");
        }
        contact = contact == null ? "12345 热线 / city service hotline" : contact;
    }

    /** Every setting at its default. */
    public static Open311Settings defaults() {
        return new Open311Settings(null, null, null, null);
    }

    /** The area a request without {@code attribute[area]} is registered under; empty: the attribute is required. */
    public Optional<String> areaWhenLeftOut() {
        return Optional.ofNullable(defaultArea);
    }

    /**
     * One server, one jurisdiction: {@code jurisdiction_id} may be left out, and when given must be ours, else the
     * standard's answer is that it was not found.
     */
    public void checkJurisdiction(String asked) {
        if (asked != null && !asked.equals(jurisdictionId)) {
            throw new Open311Refusal(NOT_FOUND, "jurisdiction_id",
                    "not found; this server answers for '" + jurisdictionId + "'");
        }
    }
}
