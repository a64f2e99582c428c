package io.hotline.query.figures;

/** What the live dashboard shows: the summary and the ranking over its range. */
record Dashboard(Summary summary, RankingReport ranking) {
}
