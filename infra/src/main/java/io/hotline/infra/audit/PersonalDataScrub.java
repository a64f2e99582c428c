package io.hotline.infra.audit;

import io.hotline.query.personal.Masks;
import org.bson.Document;

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
final class PersonalDataScrub {

    /** Where the numbers sit in stored payloads, listed so the history can say what it masked. */
    static final List<String> MASKED_FIELDS = List.of("citizen.phone", "citizen.idNumber");

    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?\\d[\\d\\- ]{5,}[\\dXx]");
    /** Case numbers and dates are not personal data, even though they are long runs of digits. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("\\d{8}-\\d{6}|\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final int DIGITS_OF_A_NUMBER = 7;

    private PersonalDataScrub() {
    }

    /** A copy of the stored payload with the citizen's numbers masked; the stored document is not touched. */
    static Document payload(Document stored) {
        if (stored == null) {
            return null;
        }
        Document copy = Document.parse(stored.toJson());
        if (copy.get("citizen") instanceof Document citizen) {
            if (citizen.get("phone") instanceof String phone) {
                citizen.put("phone", Masks.phone(phone));
            }
            if (citizen.get("idNumber") instanceof String idNumber) {
                citizen.put("idNumber", Masks.idNumber(idNumber));
            }
        }
        return copy;
    }

    /** Free text with every phone- or ID-shaped run of digits replaced by {@code ***}; null stays null. */
    static String text(String text) {
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
