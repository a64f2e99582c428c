package io.hotline.query.search;

import java.util.List;

/**
 * A page of search results and how many there are in all. A free-text search also gives {@code cursor}: handed
 * back as {@code cursor=}, it fetches the next page however deep (null after the last page).
 */
public record SearchPage(List<CaseSummary> items, int page, int size, long total, int totalPages, String cursor) {

    static SearchPage of(List<CaseSummary> items, int page, int size, long total) {
        return of(items, page, size, total, null);
    }

    static SearchPage of(List<CaseSummary> items, int page, int size, long total, String cursor) {
        return new SearchPage(items, page, size, total, (int) ((total + size - 1) / size), cursor);
    }
}
