package io.hotline.query.personal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text shown beyond the people who handle the case (a reply published to an Open311 app, an audit sentence)
 * keeps the citizen's numbers out: anything shaped like a phone or an ID number (seven or more digits, separators
 * allowed) becomes {@code ***}. Case numbers ({@code 20261123-000001}) and dates stay.
 */
public final class FreeText {

    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?\\d[\\d\\- ]{5,}[\\dXx]");
    /** Case numbers and dates are not personal data, even though they are long runs of digits. */
    private static final Pattern NOT_A_NUMBER = Pattern.compile("\\d{8}-\\d{6}|\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final int DIGITS_OF_A_NUMBER = 7;

    private FreeText() {
    }

    /** {@code text} with every phone- or ID-shaped run of digits replaced by {@code ***}; null stays null. */
    public static String scrubbed(String text) {
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
