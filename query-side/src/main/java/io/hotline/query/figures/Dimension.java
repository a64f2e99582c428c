package io.hotline.query.figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The three ways figures are broken down besides time: by unit, by category of request, by area. */
enum Dimension {
    UNIT,
    CATEGORY,
    AREA;

    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Dimension> fromParameter(String value) {
        return Arrays.stream(values()).filter(dimension -> dimension.parameter().equals(value)).findFirst();
    }
}
