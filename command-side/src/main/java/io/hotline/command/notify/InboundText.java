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
    private static final Pattern ANSWER = Pattern.compile("^(?:(\\d{14})?(\\d)|(\\d)(\\d{14}))$");

    enum Kind { OPT_OUT, OPT_IN, DIGIT, OTHER, UNREADABLE }

    static InboundText read(String text) {
        if (text == null || text.length() > LONGEST || text.chars().anyMatch(c -> c < 0x20 && !Character.isWhitespace(c))) {
            return new InboundText(Kind.UNREADABLE, ' ', null);
        }
        String plain = fullWidthToAscii(text).toUpperCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}，。！？、：；（）]", "");
        if (OPT_OUT.contains(plain)) {
            return new InboundText(Kind.OPT_OUT, ' ', null);
        }
        if (OPT_IN.contains(plain)) {
            return new InboundText(Kind.OPT_IN, ' ', null);
        }
        Matcher answer = ANSWER.matcher(plain);
        if (answer.matches()) {
            return answer.group(2) != null
                    ? new InboundText(Kind.DIGIT, answer.group(2).charAt(0), answer.group(1))
                    : new InboundText(Kind.DIGIT, answer.group(3).charAt(0), answer.group(4));
        }
        return new InboundText(Kind.OTHER, ' ', null);
    }

    private static String fullWidthToAscii(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(c -> ascii.appendCodePoint(c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c));
        return ascii.toString();
    }
}
