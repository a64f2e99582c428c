package io.hotline.query.search;

import io.hotline.query.fulltext.FedIndex;
import io.hotline.query.fulltext.IndexFeed;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The search port: what the free-text case search ({@code GET /api/v1/cases?q=}) and the 并单 suggestions at intake
 * ({@code GET /api/v1/cases/duplicates}) answer from. Chosen by {@code app.query.fulltext.engine}: {@code lucene}
 * (the default, {@link CaseIndex}: an index on this node's disk) or {@code opensearch}
 * ({@link OpenSearchCaseIndex}: one index on an OpenSearch cluster for the deployment). Both hold the same
 * documents ({@link CaseDocuments}, never personal data), apply the filters and a unit handler's scope inside the
 * engine, and are fed the same way, by an {@link IndexFeed} running the same projection.
 */
public interface CaseSearchEngine {

    /**
     * Page {@code page} (or the page after {@code cursor}) of the cases matching {@code filter} at {@code now}:
     * most relevant first, then newest, then by case id.
     *
     * @throws CaseTextSearch.TooDeep   a page number past {@link CaseTextSearch#DEEPEST_BY_PAGE} hits
     * @throws CaseTextSearch.BadCursor a cursor this engine did not give
     * @throws Unavailable              the engine cannot answer now
     */
    CaseTextSearch.Found search(CaseFilter filter, Instant now, int page, int size, String cursor);

    /**
     * Page {@code page} of the cases matching {@code filter} without free text, in {@code order}, with the exact
     * count, from the index, no older than the read models were when asked; empty when the index cannot answer so
     * (it keeps no sort values, it is far behind the log, the page is deeper than it reaches): the case views answer
     * then. OpenSearch keeps no sort values, so its deployments' lists come from MongoDB's indexes on the views.
     */
    default Optional<CaseTextSearch.Found> list(CaseFilter filter, CaseSearch.Order order, Instant now,
                                                          int page, int size) {
        return Optional.empty();
    }

    /** The 并单 suggestions for what is being typed at intake, best first, at most {@code size}. */
    List<Suggestion> suggest(Typed typed, Instant now, Duration window, int size);

    /** The engine cannot answer now (a cluster out of reach): 503, the reader may try again. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String engine, Throwable cause) {
            super(engine + " cannot answer now", cause);
        }
    }

    /** The feed keeping the engine's index: its position, its lag behind the log, and a rebuild. */
    IndexFeed<? extends FedIndex> feed();
}
