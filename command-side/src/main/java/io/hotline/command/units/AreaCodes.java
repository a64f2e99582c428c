package io.hotline.command.units;

/**
 * 行政区划代码 as prefixes. A code names its area with trailing zeros for the levels below it: {@code 371000} is
 * the city of 威海 (3710), {@code 371002} its district 环翠区, {@code 371002001000} a street of that district. The
 * significant part (zeros of the lower levels dropped) is the prefix every code inside the area starts with, so a
 * unit serving {@code 371000} covers {@code 371082}, and the longest covering prefix is the most specific unit.
 */
public final class AreaCodes {

    private AreaCodes() {
    }

    /** The prefix shared by every area inside {@code code}: six digits lose their zero pairs, twelve their zero triples. */
    public static String significant(String code) {
        String prefix = code == null ? "" : code.strip();
        if (prefix.length() == 12) {
            // PPCCDD SSS VVV: a street's code ends in 000 for the street itself, a district's in 000000
            prefix = prefix.endsWith("000") ? prefix.substring(0, 9) : prefix;
            prefix = prefix.length() == 9 && prefix.endsWith("000") ? prefix.substring(0, 6) : prefix;
        }
        if (prefix.length() == 6) {
            // PP CC DD: 00 for the levels below a city or a province
            prefix = prefix.endsWith("00") ? prefix.substring(0, 4) : prefix;
            prefix = prefix.length() == 4 && prefix.endsWith("00") ? prefix.substring(0, 2) : prefix;
        }
        return prefix;
    }
}
