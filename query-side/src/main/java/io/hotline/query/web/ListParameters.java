package io.hotline.query.web;

import io.hotline.query.QueryProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;

import java.util.Set;

/**
 * The edge checks of a paged list (the search, the board's lists): no parameter it does not know (refused, as an
 * unknown field in a body is), a page from 0 and a size within the configured limits, each refused with the field and
 * the reason as a 400 problem.
 *
 * @param page the page asked for, from 0
 * @param size how many items a page holds
 */
public record ListParameters(int page, int size) {

    private static final int SHOWN_NAME = 40;

    public static ListParameters checked(ServerHttpRequest request, Set<String> known, Integer page, Integer size,
                                         QueryProperties properties) {
        for (String name : request.getQueryParams().keySet()) {
            if (!known.contains(name)) {
                throw invalid(name.length() > SHOWN_NAME ? name.substring(0, SHOWN_NAME) + "…" : name,
                        "unknown parameter; known: " + known);
            }
        }
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? properties.search().defaultPageSize() : size;
        if (pageNumber < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > properties.search().maxPageSize()) {
            throw invalid("size", "must be between 1 and " + properties.search().maxPageSize());
        }
        return new ListParameters(pageNumber, pageSize);
    }

    /** A 400 naming the field and what is wrong with it. */
    public static ResponseStatusException invalid(String field, String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + reason);
    }
}
