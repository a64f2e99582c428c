package io.hotline.query.open311;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A service request as GeoReport v2 shows it to anyone ({@code GET /requests}, {@code GET /requests/{id}}).
 * Nothing here is about the person who reported it: no name, phone, email or device; fields the standard
 * defines and we have no value for are written as null.
 */
record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
                      String serviceCode, String description, String agencyResponsible, String serviceNotice,
                      String requestedDatetime, String updatedDatetime, String expectedDatetime, String address,
                      String addressId, String zipcode, @JsonProperty("lat") Double latitude,
                      @JsonProperty("long") Double longitude, String mediaUrl) {
}
