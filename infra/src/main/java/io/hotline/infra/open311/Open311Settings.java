package io.hotline.infra.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Open311 GeoReport v2 endpoint's settings ({@code app.open311.*}).
 *
 * @param jurisdictionId    the {@code jurisdiction_id} this server answers for; a request naming another one is
 *                          told it is not found (the parameter may also be left out, as one-city servers allow)
 * @param defaultArea       the six-digit area code a request is registered under when the reporting app sends no
 *                          {@code attribute[area]}; empty: the attribute is required
 * @param requestsPerMinute how many requests one API key may file per minute on one node (a burst of that many,
 *                          refilled evenly over the minute); past it the app is answered {@code 429}
 * @param contact           who runs the endpoint, for the discovery document
 */
@ConfigurationProperties("app.open311")
public record Open311Settings(
        @DefaultValue("hotline") String jurisdictionId,
        String defaultArea,
        @DefaultValue("30") int requestsPerMinute,
        @DefaultValue("12345 热线 / city service hotline") String contact) {

    public Open311Settings {
        if (defaultArea != null && !defaultArea.isBlank() && !defaultArea.strip().matches("\\d{6}")) {
            throw new IllegalArgumentException("app.open311.default-area must be a six-digit area code");
        }
        defaultArea = defaultArea == null || defaultArea.isBlank() ? null : defaultArea.strip();
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("app.open311.requests-per-minute must be 1 or more");
        }
    }
}
