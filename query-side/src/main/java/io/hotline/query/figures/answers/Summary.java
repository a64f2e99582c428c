package io.hotline.query.figures.answers;

import java.time.LocalDate;

/** The figures over a date range for one filter, and the cases open right now under the same filter. */
public record Summary(LocalDate from, LocalDate to, String unit, String category, String area, FigureSet figures,
                      OpenNow now) {
}
