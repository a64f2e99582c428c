package io.hotline.query.figures;

import io.hotline.query.figures.answers.Fraction;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks a figure's arithmetic: numerator, denominator, and the rate as their quotient (null over zero). */
final class FigureAssertions {

    private FigureAssertions() {
    }

    static void fraction(Fraction actual, long numerator, long denominator) {
        assertThat(actual.numerator()).as("numerator of %s", actual).isEqualTo(numerator);
        assertThat(actual.denominator()).as("denominator of %s", actual).isEqualTo(denominator);
        if (denominator == 0) {
            assertThat(actual.rate()).as("rate of %s", actual).isNull();
        } else {
            assertThat(actual.rate()).as("rate of %s", actual).isEqualTo((double) numerator / denominator);
        }
    }
}
