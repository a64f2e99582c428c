package io.hotline.query.figures.answers;

import java.time.LocalDate;
import java.util.List;

/**
 * Figures step by step over a range: one line per unit, category or area ({@code by}), or a single line
 * {@code all}; every line has a point for every step.
 */
public record Series(LocalDate from, LocalDate to, String period, String by, String unit, String category, String area,
              List<Line> lines) {

    /** One unit's, category's or area's figures over the steps. */
    public record Line(String key, List<Point> points) {
    }

    /** The figures of one step. */
    public record Point(String period, LocalDate from, LocalDate to, FigureSet figures) {
    }
}
