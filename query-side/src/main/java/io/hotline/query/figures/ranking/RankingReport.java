package io.hotline.query.figures.ranking;

import io.hotline.query.figures.levels.PeerGroup;
import io.hotline.query.figures.ranking.RankingPolicy.FloorBreach;
import io.hotline.query.figures.ranking.RankingPolicy.RankedUnit;
import io.hotline.query.figures.ranking.RankingPolicy.UnrankedUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The units ranked over a range (考核排名), with the policy used and the units below each floor (定期通报). Units are
 * ranked within their peer group ({@code groups}, top-down; each unit names its group), on their rolled-up
 * figures: a district on everything its subtree did.
 */
public record RankingReport(LocalDate from, LocalDate to, Map<String, Double> weights, Map<String, Double> floors,
                            List<RankedUnit> ranking, List<UnrankedUnit> unranked, List<FloorBreach> belowFloors,
                            List<PeerGroup> groups) {
}
