package io.hotline.query.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds the published articles that answer what a caller says: the knowledge panel's suggestions at intake. The
 * port hides how the match is made ({@link LuceneArticleMatcher} today), so another engine can take its place
 * without touching the panel, the API or the projection.
 */
public interface ArticleMatcher {

    /**
     * The best matches for {@code text} among the articles published, not withdrawn, in force on {@code day}
     * and applying to {@code area}, best first, at most {@code limit}.
     */
    List<Suggestion> match(String text, String area, LocalDate day, int limit);

    /** The projection on this node changed the published articles: the next match must see the change. */
    void articlesChanged();
}
