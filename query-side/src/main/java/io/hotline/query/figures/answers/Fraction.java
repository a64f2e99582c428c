package io.hotline.query.figures.answers;

import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A figure as the arithmetic behind it: {@code rate = numerator / denominator}, so a reader can check it.
 * With nothing to divide by the rate is {@code null} (and written as {@code null}), never 0 or NaN: "no
 * replies yet" is not "nobody satisfied".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Fraction(long numerator, long denominator, Double rate) {

    static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }

    static Fraction of(Tally tally, Count numerator, Count denominator) {
        return of(tally.get(numerator), tally.get(denominator));
    }
}
