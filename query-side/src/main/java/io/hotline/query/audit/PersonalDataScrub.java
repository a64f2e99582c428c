package io.hotline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hotline.query.personal.Masks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the citizen's numbers out of what the audit tools print (PIPL art. 51, least privilege). Seeing them is
 * a recorded act of its own ({@code PersonalDataRevealed}); a history, an export or a sentence must not become
 * a way around that record.
 * <ul>
 *   <li>Payloads: the citizen's phone and ID number are masked the way the case view masks them; everything
 *   else stays as stored. The hash chain is checked on the stored documents by the verifier, not on this copy.</li>
 *   <li>Free text (titles, reasons, notes) in sentences: anything shaped like a phone or an ID number (seven or
 *   more digits, separators allowed) becomes {@code ***}. Case numbers ({@code 20261123-000001}) stay.</li>
 * </ul>
 */
public final class PersonalDataScrub {

    /** Where the numbers sit in stored payloads, listed so the history can say what it masked. */
    public static final List<String> MASKED_FIELDS = List.of("citizen.phone", "citizen.idNumber");

    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?\\d[\\d\\- ]{5,}[\\dXx]");
    /** Case numbers and dates are not personal data, even though they are long runs of digits. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("\\d{8}-\\d{6}|\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final int DIGITS_OF_A_NUMBER = 7;

    private PersonalDataScrub() {
    }

    /** A copy of the stored payload with the citizen's numbers masked; the stored payload is not touched. */
    public static JsonNode payload(JsonNode stored) {
        if (stored == null) {
            return null;
        }
        JsonNode copy = stored.deepCopy();
        if (copy.get("citizen") instanceof ObjectNode citizen) {
            if (citizen.get("phone") != null && citizen.get("phone").isTextual()) {
                citizen.put("phone", Masks.phone(citizen.get("phone").asText()));
            }
            if (citizen.get("idNumber") != null && citizen.get("idNumber").isTextual()) {
                citizen.put("idNumber", Masks.idNumber(citizen.get("idNumber").asText()));
            }
        }
        return copy;
    }

    /** Whether the stored payload carries a citizen, whose numbers {@link #payload} masks. */
    public static boolean masksCitizen(JsonNode stored) {
        return stored != null && stored.get("citizen") instanceof ObjectNode;
    }

    /** Free text with every phone- or ID-shaped run of digits replaced by {@code ***}; null stays null. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMBER_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            long digits = found.chars().filter(Character::isDigit).count();
            boolean keep = digits < DIGITS_OF_A_NUMBER || NOT_A_NUMBER.matcher(found.strip()).matches();
            matcher.appendReplacement(out, Matcher.quoteReplacement(keep ? found : "***"));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
