package io.hotline.query.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the citizen types on the tracking page. In the body, not the URL, so a query code never lands in an access
 * log. Control characters are refused by the JSON reader for every text; {@link #errors} names each field that
 * breaks its format, in the shape every other 400 of the API uses.
 */
record TrackRequest(String caseNumber, String queryCode) {

    private static final Pattern CASE_NUMBER = Pattern.compile("\\s*\\d{8}-\\d{6,9}\\s*");
    private static final Pattern QUERY_CODE = Pattern.compile("\\s*[A-Za-z0-9]{6}\\s*");

    /** {@code [{field, reason}]}, empty when both fields are well formed. */
    List<Map<String, String>> errors() {
        List<Map<String, String>> errors = new ArrayList<>();
        check(errors, "caseNumber", caseNumber, 20, CASE_NUMBER, "must be a case number like 20261123-000001");
        check(errors, "queryCode", queryCode, 12, QUERY_CODE, "must be the six letters and digits of the query code");
        return errors;
    }

    String number() {
        return caseNumber.strip();
    }

    private static void check(List<Map<String, String>> errors, String field, String value, int max, Pattern format,
                              String reason) {
        if (value == null || value.isBlank()) {
            errors.add(Map.of("field", field, "reason", "must not be blank"));
        } else if (value.length() > max) {
            errors.add(Map.of("field", field, "reason", "size must be between 1 and " + max));
        } else if (!format.matcher(value).matches()) {
            errors.add(Map.of("field", field, "reason", reason));
        }
    }
}
