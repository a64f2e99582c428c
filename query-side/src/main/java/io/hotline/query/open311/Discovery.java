package io.hotline.query.open311;

import java.util.List;

/**
 * The Open311 discovery document ({@code /open311/discovery.json}): where the GeoReport v2 endpoint is, which
 * version of it, in which formats, and whom to ask for an API key.
 */
record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint last changed what it offers; moves only with the code. */
    static final String CHANGESET = "2026-11-23T00:00:00Z";

    record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    static Discovery at(String baseUrl, String contact) {
        return new Discovery(CHANGESET, contact,
                "API keys are issued by the hotline's administrators (" + contact + ")",
                List.of(new Endpoint(SPECIFICATION, baseUrl + "/open311/v2", CHANGESET, "production",
                        List.of("application/json", "text/xml"))));
    }
}
