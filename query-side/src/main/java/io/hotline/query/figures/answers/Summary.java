package io.hotline.query.figures.answers;

import java.time.LocalDate;

/**
 * The figures over a date range for one filter, the cases open right now under the same filter, and how the
 * citizens' evaluations of the period's answers came in. {@code units} is set for a roll-up ({@code subtree}): how
 * many units (the unit and those under it) the figures are summed over; null for a unit alone.
 */
public record Summary(LocalDate from, LocalDate to, String unit, String category, String area, FigureSet figures,
                      OpenNow now, Evaluations evaluations, Integer units) {
}
