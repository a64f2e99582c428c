package io.hotline.query.personal;

/**
 * Masking of the complainant's numbers for display (PIPL art. 51: de-identification). Enough stays visible for
 * an operator to confirm a number read out by the citizen, never enough to call or identify them.
 */
public final class Masks {

    /** What a reader who may not know the complainant (a unit handler) sees instead of the name. */
    public static final String WITHHELD_NAME = "[保密]";

    private Masks() {
    }

    /**
     * A name keeps its first character (the family name, in Chinese order) and stars for the rest: {@code 张三}
     * becomes {@code 张*}, {@code 欧阳娜娜} {@code 欧***}; a one-character name is all stars. Masking a masked name
     * changes nothing, and the erased placeholder stays as it is.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.equals(io.hotline.kernel.common.Citizen.ERASED_NAME) || stripped.equals(WITHHELD_NAME)) {
            return stripped;
        }
        int characters = stripped.codePointCount(0, stripped.length());
        if (characters == 1) {
            return "*";
        }
        int first = stripped.offsetByCodePoints(0, 1);
        return stripped.substring(0, first) + stars(characters - 1);
    }

    /** {@code 13800138000} becomes {@code 138****8000}; short or odd numbers keep at most their last two digits. */
    public static String phone(String phone) {
        String digits = PhoneHasher.normalise(phone);
        if (digits == null) {
            return null;
        }
        if (digits.length() >= 8) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return stars(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** An 18-character resident ID keeps its first three and last four characters: {@code 110***********123X}. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return null;
        }
        String id = idNumber.strip();
        if (id.length() >= 10) {
            return id.substring(0, 3) + stars(id.length() - 7) + id.substring(id.length() - 4);
        }
        return stars(Math.max(0, id.length() - 2)) + id.substring(Math.max(0, id.length() - 2));
    }

    private static String stars(int count) {
        return "*".repeat(count);
    }
}
