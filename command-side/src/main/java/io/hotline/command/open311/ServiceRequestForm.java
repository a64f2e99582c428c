package io.hotline.command.open311;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Location;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Services;
import io.hotline.kernel.open311.Open311Settings;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the form of {@code POST /requests} (GeoReport v2: {@code application/x-www-form-urlencoded}, the same
 * names also accepted in the query string) and checks every field at once, so the app is told all that is wrong
 * in one answer. Names the standard does not know, and attributes the service does not define, are refused rather
 * than ignored: a misspelt field would otherwise silently lose what the citizen typed.
 * <p>
 * {@code device_id} and {@code account_id} are accepted and checked but not kept: nothing here needs them, and
 * personal data not kept need no protecting. Name, phone and email go into the {@link Citizen}, which the event
 * log stores encrypted under the citizen's own key and every view masks.
 */
final class ServiceRequestForm {

    static final String API_KEY = "api_key";
    private static final Set<String> FIELDS = Set.of(API_KEY, "jurisdiction_id", "service_code", "lat", "long",
            "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
            "description", "media_url");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]{1,40})](\\[])?");
    private static final int MAX_MEDIA = 20;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,188}\\.[^@\\s]{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,19}");
    private static final Pattern AREA = Pattern.compile("\\d{6}");
    private static final int DESCRIPTION_MAX = 4000;
    private static final int TITLE_FROM_DESCRIPTION = 40;

    private final MultiValueMap<String, String> form;
    private final List<String> errors = new ArrayList<>();

    private ServiceRequestForm(MultiValueMap<String, String> form) {
        this.form = form;
    }

    /** The request, or a 400 refusal listing every field that is wrong. */
    static FiledRequest read(MultiValueMap<String, String> form, Open311Settings settings) {
        return new ServiceRequestForm(form).read(settings.areaWhenLeftOut());
    }

    private FiledRequest read(Optional<String> areaWhenLeftOut) {
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            Matcher attribute = ATTRIBUTE.matcher(field.getKey());
            if (attribute.matches()) {
                if (field.getValue().size() != 1) {
                    errors.add(field.getKey() + ": give one value");
                } else {
                    attributes.put(attribute.group(1), field.getValue().get(0));
                }
            } else if (!FIELDS.contains(field.getKey())) {
                errors.add(printable(field.getKey()) + ": not a GeoReport v2 field");
            } else if (field.getValue().size() > 1 && !field.getKey().equals("media_url")) {
                errors.add(field.getKey() + ": given more than once");
            }
        }
        String serviceCode = text("service_code", 40, true);
        Optional<Category> category = serviceCode == null ? Optional.empty() : Open311Services.category(serviceCode);
        if (serviceCode != null && category.isEmpty()) {
            errors.add("service_code: no service with this code; see services.json");
        }
        Location location = location();
        String description = text("description", DESCRIPTION_MAX, true);
        List<String> mediaUrls = mediaUrls();
        Citizen citizen = citizen();
        text("device_id", 100, false);
        text("account_id", 100, false);

        String area = attributes.remove(Open311Services.AREA);
        if (area == null && areaWhenLeftOut.isEmpty()) {
            errors.add("attribute[area]: required, the six-digit area code (see the service definition)");
        } else if (area != null && !AREA.matcher(area).matches()) {
            errors.add("attribute[area]: must be a six-digit area code");
        }
        Urgency urgency = urgency(attributes.remove(Open311Services.URGENCY));
        String title = attributes.remove(Open311Services.TITLE);
        if (title != null && (title.isBlank() || title.length() > 200 || CONTROL.matcher(title).find())) {
            errors.add("attribute[title]: 1 to 200 characters, no control characters");
        }
        attributes.keySet().forEach(code -> errors.add("attribute[" + code + "]: not an attribute of this service"));

        if (!errors.isEmpty()) {
            throw new Open311Refusal(HttpStatus.BAD_REQUEST.value(), errors);
        }
        return new FiledRequest(category.orElseThrow(), urgency,
                title != null ? title.strip() : titleFrom(description), description,
                area != null ? area : areaWhenLeftOut.orElseThrow(), location, mediaUrls, citizen,
                fingerprint());
    }

    private Location location() {
        boolean latGiven = given("lat");
        boolean longGiven = given("long");
        Double latitude = number("lat", -90, 90);
        Double longitude = number("long", -180, 180);
        String address = text("address_string", 500, false);
        String addressId = text("address_id", 100, false);
        if (latGiven != longGiven) {
            errors.add("lat, long: give both or neither");
        } else if (!latGiven && address == null && addressId == null) {
            errors.add("location: give lat and long, address_string or address_id");
        }
        if (latitude != null && longitude != null) {
            return new Location(latitude, longitude, address, addressId);
        }
        return address == null && addressId == null ? null : new Location(null, null, address, addressId);
    }

    private boolean given(String name) {
        String value = form.getFirst(name);
        return value != null && !value.isBlank();
    }

    /** Every {@code media_url} given (FixMyStreet sends one per photo), each an absolute http(s) URL. */
    private List<String> mediaUrls() {
        List<String> given = form.getOrDefault("media_url", List.of());
        if (given.size() > MAX_MEDIA) {
            errors.add("media_url: at most " + MAX_MEDIA + " links");
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        for (String value : given) {
            String url = value == null ? "" : value.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (url.length() > 2000 || CONTROL.matcher(url).find() || !absoluteHttp(url)) {
                errors.add("media_url: must be an absolute http or https URL of at most 2000 characters");
                return List.of();
            }
            urls.add(url);
        }
        return urls;
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Citizen citizen() {
        String first = text("first_name", 50, false);
        String last = text("last_name", 50, false);
        String phone = text("phone", 20, false);
        String email = text("email", 254, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("phone: must be a phone number");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("email: must be an email address");
        }
        String name = first == null ? last : last == null ? first : first + " " + last;
        // Anonymous reports are accepted (every request is): the citizen then has no name and no numbers.
        return new Citizen(name, phone, null, email);
    }

    private Urgency urgency(String value) {
        if (value == null) {
            return Urgency.NORMAL;
        }
        for (Urgency urgency : Urgency.values()) {
            if (urgency.name().equals(value)) {
                return urgency;
            }
        }
        errors.add("attribute[urgency]: must be one of NORMAL, URGENT, EMERGENCY");
        return Urgency.NORMAL;
    }

    /** A single-valued field, stripped; null when absent or empty. Errors are collected, not thrown. */
    private String text(String name, int maxLength, boolean required) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(name + ": required");
            }
            return null;
        }
        value = value.strip();
        if (value.length() > maxLength) {
            errors.add(name + ": at most " + maxLength + " characters");
            return null;
        }
        if (CONTROL.matcher(value).find() || (!name.equals("description") && value.matches("(?s).*[\\r\\n\\t].*"))) {
            errors.add(name + ": control characters are not allowed");
            return null;
        }
        return value;
    }

    private Double number(String name, double min, double max) {
        String value = text(name, 32, false);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number) && number >= min && number <= max && value.matches("[-+]?[0-9.eE+-]+")) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(name + ": must be a number from " + (int) min + " to " + (int) max);
        return null;
    }

    /** The first line of the description, up to 40 characters: our cases need a title, the standard has none. */
    private static String titleFrom(String description) {
        String firstLine = description.strip().lines().findFirst().orElse(description).strip();
        return firstLine.codePointCount(0, firstLine.length()) <= TITLE_FROM_DESCRIPTION ? firstLine
                : firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_FROM_DESCRIPTION)) + "…";
    }

    /** SHA-256 over every submitted field but the key, in name order: equal forms, equal fingerprints. */
    private String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(form).forEach((name, values) -> {
            if (!name.equals(API_KEY)) {
                values.forEach(value -> canonical.append(name).append('=').append(value.strip()).append('\n'));
            }
        });
        return sha256(canonical.toString());
    }

    static String sha256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A field name as it may be quoted back: printable ASCII, shortened. */
    private static String printable(String name) {
        String safe = name.replaceAll("[^\\x21-\\x7e]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
