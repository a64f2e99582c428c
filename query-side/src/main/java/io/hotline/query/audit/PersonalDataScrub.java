package io.hotline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hotline.query.personal.FreeText;
import io.hotline.query.personal.Masks;

import java.util.List;

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
        return FreeText.scrubbed(text);
    }
}
