package io.hotline.query.knowledge;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.knowledge.ArticleFlag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The knowledge base's figures for a period: the direct resolution rate (直接办结率: requests answered at intake /
 * requests registered) overall and by request type, the articles most used and their share of the answers at
 * intake, the consultations answered without an article grouped by similar wording (the articles still to
 * write), and the articles flagged unhelpful or outdated.
 * <p>
 * Computed from the per-case facts of the knowledge read model by one pass over them. That is a scan: right for
 * a city's thousands of consultations a day over a few weeks, and the next step at a larger scale is to book these
 * counts into the figures' buckets ({@code query.figures.ledger}) as the other rates are.
 */
final class KnowledgeFigures {

    /**
     * Two titles are "the same question" when this share of the shorter one's words is in the longer one: callers
     * ask briefly or at length, so the share of the union (Jaccard) would part a short and a long wording.
     */
    static final double SIMILAR = 0.5;
    static final int GAP_GROUPS = 20;

    record Rate(long registered, long resolvedAtIntake, double rate) {
        static Rate of(long registered, long resolved) {
            return new Rate(registered, resolved, registered == 0 ? 0 : (double) resolved / registered);
        }
    }

    record CategoryRate(Category category, Rate rate) {
    }

    record ArticleUse(String articleId, String question, long uses, double shareOfDirectResolutions, long flags) {
    }

    record Gap(String example, long count, List<String> titles) {
    }

    record Flagged(String articleId, String question, String owningUnit, long unhelpful, long outdated,
                   String lastReason) {
    }

    record Figures(Instant from, Instant to, Rate overall, List<CategoryRate> byCategory, List<ArticleUse> articles,
                   List<Gap> articlesToWrite, List<Flagged> flagged) {
    }

    private KnowledgeFigures() {
    }

    static Figures of(Instant from, Instant to, List<IntakeFact> facts, Map<String, ArticleView> articles,
                      List<FlagView> flags) {
        Map<Category, long[]> byCategory = new EnumMap<>(Category.class);
        Map<String, Long> uses = new HashMap<>();
        List<String> unanswered = new ArrayList<>();
        long registered = 0;
        long resolved = 0;
        long withArticle = 0;
        for (IntakeFact fact : facts) {
            if (fact.registeredAt() == null || fact.category() == null
                    || from != null && fact.registeredAt().isBefore(from)
                    || to != null && !fact.registeredAt().isBefore(to)) {
                continue;
            }
            long[] counts = byCategory.computeIfAbsent(fact.category(), category -> new long[2]);
            registered++;
            counts[0]++;
            if (fact.answeredAtIntake()) {
                resolved++;
                counts[1]++;
                if (fact.articleId() != null) {
                    withArticle++;
                    uses.merge(fact.articleId(), 1L, Long::sum);
                } else if (fact.category() == Category.CONSULTATION && fact.title() != null) {
                    unanswered.add(fact.title());
                }
            }
        }
        Map<String, Long> flagCounts = new HashMap<>();
        flags.forEach(flag -> flagCounts.merge(flag.articleId(), 1L, Long::sum));
        long answers = withArticle;
        List<ArticleUse> used = uses.entrySet().stream()
                .map(use -> new ArticleUse(use.getKey(), question(articles.get(use.getKey())), use.getValue(),
                        answers == 0 ? 0 : (double) use.getValue() / answers, flagCounts.getOrDefault(use.getKey(), 0L)))
                .sorted(Comparator.comparingLong(ArticleUse::uses).reversed().thenComparing(ArticleUse::articleId))
                .toList();
        List<CategoryRate> categories = byCategory.entrySet().stream()
                .map(entry -> new CategoryRate(entry.getKey(), Rate.of(entry.getValue()[0], entry.getValue()[1])))
                .toList();
        return new Figures(from, to, Rate.of(registered, resolved), categories, used, gaps(unanswered),
                flagged(flags, articles));
    }

    /** Groups titles greedily: each joins the first group whose first title shares enough of its words. */
    static List<Gap> gaps(List<String> titles) {
        List<Set<String>> heads = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (String title : titles) {
            Set<String> words = Words.of(title);
            int found = -1;
            for (int i = 0; i < heads.size() && found < 0; i++) {
                if (similarity(words, heads.get(i)) >= SIMILAR) {
                    found = i;
                }
            }
            if (found < 0) {
                heads.add(words);
                groups.add(new ArrayList<>(List.of(title)));
            } else {
                groups.get(found).add(title);
            }
        }
        return groups.stream()
                .map(group -> new Gap(group.get(0), group.size(), group.stream().distinct().limit(5).toList()))
                .sorted(Comparator.comparingLong(Gap::count).reversed())
                .limit(GAP_GROUPS)
                .toList();
    }

    /** The overlap coefficient of two sets of words: the common words over the smaller set's size. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / Math.min(a.size(), b.size());
    }

    private static List<Flagged> flagged(List<FlagView> flags, Map<String, ArticleView> articles) {
        Map<String, List<FlagView>> byArticle = new LinkedHashMap<>();
        flags.stream().sorted(Comparator.comparing(FlagView::at))
                .forEach(flag -> byArticle.computeIfAbsent(flag.articleId(), id -> new ArrayList<>()).add(flag));
        return byArticle.entrySet().stream().map(entry -> {
            List<FlagView> its = entry.getValue();
            ArticleView article = articles.get(entry.getKey());
            return new Flagged(entry.getKey(), question(article), its.get(0).owningUnit(),
                    its.stream().filter(flag -> flag.flag() == ArticleFlag.UNHELPFUL).count(),
                    its.stream().filter(flag -> flag.flag() == ArticleFlag.OUTDATED).count(),
                    its.get(its.size() - 1).reason());
        }).sorted(Comparator.comparingLong((Flagged f) -> f.unhelpful() + f.outdated()).reversed()).toList();
    }

    private static String question(ArticleView article) {
        if (article == null) {
            return null;
        }
        return article.published() != null ? article.published().question()
                : article.draft() != null ? article.draft().question() : null;
    }
}
