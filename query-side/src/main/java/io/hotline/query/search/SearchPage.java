package io.hotline.query.search;

import java.util.List;

/** A page of search results and how many there are in all. */
public record SearchPage(List<CaseSummary> items, int page, int size, long total, int totalPages) {

    static SearchPage of(List<CaseSummary> items, int page, int size, long total) {
        return new SearchPage(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
