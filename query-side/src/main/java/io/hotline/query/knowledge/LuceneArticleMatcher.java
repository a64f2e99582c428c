package io.hotline.query.knowledge;

import io.hotline.kernel.knowledge.ArticleContent;
import io.hotline.query.fulltext.ChineseAnalysis;
import io.hotline.query.fulltext.LuceneIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@link ArticleMatcher} of a search engine: the offered articles in a Lucene index analysed as the case search
 * is ({@link ChineseAnalysis#bigrams()}), asked with an {@link ArticleQuery} built from the caller's words.
 * <p>
 * <b>In memory, from the read model.</b> The index lives in this node's memory ({@link LuceneIndex#inMemory}), not
 * in a folder fed from the log like the case index: a city has thousands of articles, indexed in about a second,
 * and the knowledge read model already holds exactly the versions offered, so a node loads them from it instead of
 * reading the whole log (cases outnumber articles a thousandfold) and keeping a position. The index is brought up
 * to date from the read model at the first match, at the next match after this node's projection changed the
 * articles ({@link #articlesChanged()}), and at least every {@code maxAge} for changes projected on another node;
 * only the articles whose offered version changed are written, the withdrawn ones deleted. A match reads no
 * database otherwise.
 */
public final class LuceneArticleMatcher implements ArticleMatcher, Closeable {

    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, new SortField(ArticleQuery.ID,
            SortField.Type.STRING));
    private static final int MATCHED_SHOWN = 8;

    private final Supplier<List<PublishedArticle>> published;
    private final Clock clock;
    private final Duration maxAge;
    private final LuceneIndex index = LuceneIndex.inMemory("articles", ChineseAnalysis.bigrams(), "articles-1");
    private final ReentrantLock syncing = new ReentrantLock();
    /** The articles in the index by id, as indexed: a hit becomes a suggestion from here. */
    private volatile Map<String, PublishedArticle> offered = Map.of();
    private volatile Instant loadedAt = Instant.MIN;
    private volatile boolean stale = true;

    public LuceneArticleMatcher(Supplier<List<PublishedArticle>> published, Clock clock, Duration maxAge) {
        this.published = published;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<Suggestion> match(String text, String area, LocalDate day, int limit) {
        if (area == null || area.isBlank() || limit < 1) {
            return List.of();
        }
        ArticleQuery.Said said = ArticleQuery.Said.of(text);
        Query query = ArticleQuery.of(said, area, day);
        if (query == null) {
            return List.of();
        }
        upToDate();
        Map<String, PublishedArticle> articles = offered;
        String lower = text.toLowerCase(Locale.ROOT);
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, limit, BEST_FIRST, true);
            var stored = searcher.storedFields();
            List<Suggestion> found = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                PublishedArticle article = articles.get(stored.document(hit.doc).get(ArticleQuery.ID));
                if (article != null) { // withdrawn since this searcher opened
                    found.add(article.suggestion(hit.score, matched(article.content(), said, lower)));
                }
            }
            return found;
        });
    }

    /**
     * Loads the index and the analysis dictionary before the first operator types, so no caller waits for them; does
     * nothing while no article is published.
     */
    public void warmUp() {
        List<PublishedArticle> articles = published.get();
        if (articles.isEmpty()) {
            return;
        }
        upToDate();
        PublishedArticle first = articles.get(0);
        ArticleQuery.Said.of(first.content().question());
    }

    @Override
    public void articlesChanged() {
        stale = true;
    }

    @Override
    public void close() {
        index.close();
    }

    /**
     * Brings the index up to date when this node changed the articles (every match waits for it: the change must
     * be offered at once) or when it is older than {@code maxAge} (a match then goes on with the index as it is if
     * another one is already at it).
     */
    private void upToDate() {
        if (!stale && clock.instant().isBefore(loadedAt.plus(maxAge))) {
            return;
        }
        if (stale) {
            syncing.lock();
        } else if (!syncing.tryLock()) {
            return;
        }
        try {
            Instant now = clock.instant();
            if (stale || !now.isBefore(loadedAt.plus(maxAge))) {
                stale = false;
                try {
                    load();
                } catch (RuntimeException e) {
                    stale = true;
                    throw e;
                }
                loadedAt = now;
            }
        } finally {
            syncing.unlock();
        }
    }

    /** Writes the articles whose offered version changed, deletes those no longer offered, opens a new searcher. */
    private void load() {
        Map<String, PublishedArticle> before = offered;
        Map<String, PublishedArticle> now = new HashMap<>();
        boolean changed = false;
        for (PublishedArticle article : published.get()) {
            now.put(article.articleId(), article);
            if (!article.equals(before.get(article.articleId()))) {
                index.update(ArticleQuery.ID, article.articleId(), document(article));
                changed = true;
            }
        }
        for (String gone : before.keySet()) {
            if (!now.containsKey(gone)) {
                index.delete(ArticleQuery.ID, gone);
                changed = true;
            }
        }
        if (changed) {
            index.refreshNow();
        }
        offered = Map.copyOf(now);
    }

    /** An article as the index holds it: its words to score, its areas and days to filter by. */
    static List<Field> document(PublishedArticle article) {
        ArticleContent content = article.content();
        List<Field> fields = new ArrayList<>();
        fields.add(new StringField(ArticleQuery.ID, article.articleId(), Field.Store.YES));
        fields.add(new SortedDocValuesField(ArticleQuery.ID, new BytesRef(article.articleId())));
        fields.add(new TextField(ArticleQuery.QUESTION, content.question(), Field.Store.NO));
        for (String keyword : content.keywords()) {
            fields.add(new TextField(ArticleQuery.KEYWORDS, keyword, Field.Store.NO));
        }
        for (String synonym : content.synonyms()) {
            fields.add(new TextField(ArticleQuery.KEYWORDS, synonym, Field.Store.NO));
        }
        if (content.answer() != null) {
            fields.add(new TextField(ArticleQuery.ANSWER, content.answer(), Field.Store.NO));
        }
        for (String area : content.areas()) {
            fields.add(new StringField(ArticleQuery.AREA, area, Field.Store.NO));
        }
        fields.add(new IntPoint(ArticleQuery.FROM, content.effectiveFrom() == null ? Integer.MIN_VALUE
                : Math.toIntExact(content.effectiveFrom().toEpochDay())));
        fields.add(new IntPoint(ArticleQuery.UNTIL, content.effectiveUntil() == null ? Integer.MAX_VALUE
                : Math.toIntExact(content.effectiveUntil().toEpochDay())));
        return fields;
    }

    /**
     * Why the panel offers it: the article's keywords and synonyms found whole in the text, then the caller's
     * words found in its question.
     */
    private static List<String> matched(ArticleContent content, ArticleQuery.Said said, String text) {
        Set<String> matched = new java.util.LinkedHashSet<>();
        List<String> keywords = new ArrayList<>(content.keywords());
        keywords.addAll(content.synonyms());
        for (String keyword : keywords) {
            String lower = keyword.toLowerCase(Locale.ROOT).strip();
            if (!lower.isEmpty() && text.contains(lower)) {
                matched.add(lower);
            }
        }
        String question = content.question().toLowerCase(Locale.ROOT);
        for (String word : said.words()) {
            if (question.contains(word)) {
                matched.add(word);
            }
        }
        return matched.stream().limit(MATCHED_SHOWN).toList();
    }
}
