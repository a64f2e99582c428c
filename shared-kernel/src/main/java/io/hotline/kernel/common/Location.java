package io.hotline.kernel.common;

/**
 * Where the reported matter is, as a reporting app gives it (Open311 GeoReport v2): a WGS-84 point, a
 * human-readable address, or the id of an address in the city's address register; any of them may be missing,
 * but not all. The area code of the registration stays what dispatch works with; this is the finer place a
 * handling unit goes to.
 *
 * @param latitude  WGS-84 latitude in degrees, -90..90; null when only an address was given
 * @param longitude WGS-84 longitude in degrees, -180..180; null together with {@code latitude}
 * @param address   the address as the reporter typed it, most specific part first
 * @param addressId the city's own address id
 */
public record Location(Double latitude, Double longitude, String address, String addressId) {

    public Location {
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a point needs both latitude and longitude");
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("latitude must be within -90..90 and longitude within -180..180");
        }
        if (latitude == null && isBlank(address) && isBlank(addressId)) {
            throw new IllegalArgumentException("a location needs a point, an address or an address id");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
