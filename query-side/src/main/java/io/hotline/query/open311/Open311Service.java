package io.hotline.query.open311;

/**
 * A service (request type) as GeoReport v2 lists it ({@code GET /services}). {@code metadata} is always true:
 * every service has attributes ({@code GET /services/{code}}).
 */
record Open311Service(String serviceCode, String serviceName, String description, boolean metadata, String type,
                      String keywords, String group) {
}
