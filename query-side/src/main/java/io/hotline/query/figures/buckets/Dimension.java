package io.hotline.query.figures.buckets;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three ways figures are broken down besides time: by unit, by category of request, by area. */
public enum Dimension {
    UNIT,
    CATEGORY,
    AREA;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(dimension -> dimension.parameter().equals(value)).findFirst();
    }
}
