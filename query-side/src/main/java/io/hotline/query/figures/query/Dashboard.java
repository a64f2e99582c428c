package io.hotline.query.figures.query;

import io.hotline.query.figures.answers.Summary;
import io.hotline.query.figures.ranking.RankingReport;

/** What the live dashboard shows: the summary and the ranking over its range. */
public record Dashboard(Summary summary, RankingReport ranking) {
}
