package io.hotline.command.notify;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen's SMS says, read leniently (spaces, punctuation and full-width digits do not matter): an opt-out
 * ({@code 退订}, {@code TD}), an opt-in ({@code 订阅}), one digit with or without a case number before or after it,
 * something else ({@code OTHER}: answered with help), or nothing readable at all (binary, or too long to be an
 * answer: ignored).
 */
record InboundText(Kind kind, char digit, String caseNumber) {

    /** Longer than any answer the invitation asks for: someone's story, or spam; not ours to parse. */
    static final int LONGEST = 70;
    private static final Set<String> OPT_OUT = Set.of("TD", "退订", "T", "N", "STOP");
    private static final Set<String> OPT_IN = Set.of("订阅", "DY");
    /** A case number as the messages print it (20261123-000001), the dash optional. */
    private static final Pattern CASE_NUMBER = Pattern.compile("(\\d{8})-?(\\d{6})");
    private static final String NOISE = "[\\s\\p{Punct}，。！？、：；（）]";

    enum Kind { OPT_OUT, OPT_IN, DIGIT, OTHER, UNREADABLE }

    static InboundText read(String text) {
        if (text == null || text.length() > LONGEST || text.chars().anyMatch(c -> c < 0x20 && !Character.isWhitespace(c))) {
            return new InboundText(Kind.UNREADABLE, ' ', null);
        }
        String ascii = fullWidthToAscii(text).toUpperCase(Locale.ROOT);
        String plain = ascii.replaceAll(NOISE, "");
        if (OPT_OUT.contains(plain)) {
            return new InboundText(Kind.OPT_OUT, ' ', null);
        }
        if (OPT_IN.contains(plain)) {
            return new InboundText(Kind.OPT_IN, ' ', null);
        }
        String caseNumber = null;
        String rest = ascii;
        Matcher number = CASE_NUMBER.matcher(ascii);
        if (number.find()) {
            caseNumber = number.group(1) + number.group(2);
            rest = ascii.substring(0, number.start()) + " " + ascii.substring(number.end());
        }
        rest = rest.replaceAll(NOISE, "");
        if (rest.length() == 1 && Character.isDigit(rest.charAt(0))) {
            return new InboundText(Kind.DIGIT, rest.charAt(0), caseNumber);
        }
        return new InboundText(Kind.OTHER, ' ', null);
    }

    private static String fullWidthToAscii(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> ascii.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
        return ascii.toString();
    }
}
