package io.hotline.query.search;

import java.util.List;

/**
 * A page of search results and how many there are in all. A free-text search also gives {@code cursor}: handed
 * back as {@code cursor=}, it fetches the next page however deep (null after the last page). A free-text search
 * counts exactly up to {@link CaseTextSearch#COUNTED_EXACTLY} hits; past it {@code total} is that bound and
 * {@code totalExact} is false ("10,000+"): counting every one of a million hits would cost more than finding the
 * best twenty, and page numbers end there anyway (the cursor goes on).
 */
public record SearchPage(List<CaseSummary> items, int page, int size, long total, boolean totalExact, int totalPages,
                         String cursor) {

    static SearchPage of(List<CaseSummary> items, int page, int size, long total) {
        return of(items, page, size, total, true, null);
    }

    static SearchPage of(List<CaseSummary> items, int page, int size, long total, boolean exact, String cursor) {
        return new SearchPage(items, page, size, total, exact, (int) ((total + size - 1) / size), cursor);
    }
}
