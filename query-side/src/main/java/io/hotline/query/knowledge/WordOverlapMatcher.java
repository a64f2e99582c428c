package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleContent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The first {@link ArticleMatcher}: the overlap of words ({@link Words}) between the caller's text and each
 * article's question, keywords and synonyms. A keyword or synonym found whole in the text weighs most, a shared
 * word of a keyword next, a shared word of the question least; an article needs a whole keyword or at least
 * {@link #MINIMUM} weight to be offered. The published articles are held in memory (a few thousand, each a few
 * hundred characters), reloaded when this node's projection changes them and at least every {@code maxAge} for
 * changes projected on another node: a match reads no database. An index from each word to the articles that have
 * it keeps a match to the articles sharing a word with the caller's text, not all of them.
 */
public final class WordOverlapMatcher implements ArticleMatcher {

    private static final double WHOLE_KEYWORD = 3;
    private static final double KEYWORD_WORD = 1.5;
    private static final double QUESTION_WORD = 1;
    private static final double MINIMUM = 2;

    /** An article as the matcher keeps it: its published version and the words it is matched on. */
    record Entry(PublishedArticle article, Set<String> questionWords, Set<String> keywordWords,
                 List<String> wholeKeywords) {

        static Entry of(PublishedArticle article) {
            ArticleContent content = article.content();
            List<String> keywords = new ArrayList<>(content.keywords());
            keywords.addAll(content.synonyms());
            Set<String> keywordWords = Words.of(String.join(" ", keywords));
            return new Entry(article, Words.of(content.question()), keywordWords,
                    keywords.stream().map(String::toLowerCase).filter(word -> !word.isBlank()).toList());
        }
    }

    private final Supplier<List<PublishedArticle>> published;
    private final Clock clock;
    private final Duration maxAge;
    /** The articles loaded, and for each word the positions of the articles that have it. */
    private record Loaded(List<Entry> entries, Map<String, int[]> postings, BitSet alwaysChecked) {

        static Loaded of(List<PublishedArticle> articles) {
            List<Entry> entries = articles.stream().map(Entry::of).toList();
            Map<String, List<Integer>> byWord = new HashMap<>();
            BitSet always = new BitSet();
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                for (String word : entry.questionWords()) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
                for (String word : entry.keywordWords()) {
                    byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
                }
                // a keyword of one character or of Latin letters can be inside a longer word of the text:
                // such an article is checked whatever words the text has
                if (entry.wholeKeywords().stream().anyMatch(keyword -> keyword.codePointCount(0, keyword.length()) < 2
                        || keyword.codePoints().anyMatch(point ->
                        Character.UnicodeScript.of(point) != Character.UnicodeScript.HAN))) {
                    always.set(i);
                }
            }
            Map<String, int[]> postings = new HashMap<>();
            byWord.forEach((word, positions) -> postings.put(word,
                    positions.stream().mapToInt(Integer::intValue).distinct().toArray()));
            return new Loaded(entries, postings, always);
        }

        List<Entry> candidates(Set<String> words) {
            BitSet found = (BitSet) alwaysChecked.clone();
            for (String word : words) {
                int[] positions = postings.get(word);
                if (positions != null) {
                    for (int position : positions) {
                        found.set(position);
                    }
                }
            }
            List<Entry> candidates = new ArrayList<>(found.cardinality());
            found.stream().forEach(position -> candidates.add(entries.get(position)));
            return candidates;
        }
    }

    private volatile Loaded loaded;
    private volatile Instant loadedAt = Instant.MIN;
    private volatile boolean stale = true;

    public WordOverlapMatcher(Supplier<List<PublishedArticle>> published, Clock clock, Duration maxAge) {
        this.published = published;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<Suggestion> match(String text, String area, LocalDate day, int limit) {
        Set<String> words = Words.of(text);
        String lower = text == null ? "" : text.toLowerCase();
        List<Suggestion> found = new ArrayList<>();
        for (Entry entry : loaded().candidates(words)) {
            ArticleContent content = entry.article().content();
            if (!content.appliesTo(area) || !content.inForceOn(day)) {
                continue;
            }
            double score = 0;
            List<String> matched = new ArrayList<>();
            boolean wholeKeyword = false;
            for (String keyword : entry.wholeKeywords()) {
                if (lower.contains(keyword)) {
                    score += WHOLE_KEYWORD;
                    matched.add(keyword);
                    wholeKeyword = true;
                }
            }
            for (String word : words) {
                if (entry.keywordWords().contains(word)) {
                    score += KEYWORD_WORD;
                } else if (entry.questionWords().contains(word)) {
                    score += QUESTION_WORD;
                    matched.add(word);
                }
            }
            if (wholeKeyword || score >= MINIMUM) {
                found.add(entry.article().suggestion(score, matched.stream().distinct().limit(8).toList()));
            }
        }
        found.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::articleId));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    @Override
    public void articlesChanged() {
        stale = true;
    }

    private Loaded loaded() {
        Instant now = clock.instant();
        if (stale || loaded == null || now.isAfter(loadedAt.plus(maxAge))) {
            stale = false;
            loaded = Loaded.of(published.get());
            loadedAt = now;
        }
        return loaded;
    }
}
