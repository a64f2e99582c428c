package io.hotline.query.audit;

import java.util.List;

/** A page of a listing, newest first, and how many entries match in all. */
public record Listing<T>(List<T> items, int page, int size, long total, long totalPages) {

    public static <T> Listing<T> of(List<T> items, int page, int size, long total) {
        return new Listing<>(items, page, size, total, (total + size - 1) / size);
    }
}
