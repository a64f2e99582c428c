package io.hotline.query.search;

import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.search.DuplicateSuggestions.Suggestion;
import io.hotline.query.search.DuplicateSuggestions.Typed;
import io.hotline.query.units.ReaderScopes;
import io.hotline.query.web.ReaderScope;
import io.hotline.query.web.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The duplicate panel of the intake form (并单 suggestions): {@code GET /api/v1/cases/duplicates?title=&content=
 * &area=&phone=&size=} answers, while the operator types, the caller's earlier cases and similar open and recent
 * cases, each with its area, status and time ({@link DuplicateSuggestions}). Any other parameter is refused. Like
 * the search, a unit handler sees only their unit's cases and may not look a phone up.
 */
@RestController
class DuplicatesController {

    static final int MAX_TITLE = 200;
    static final int MAX_CONTENT = 2000;
    static final int MAX_SIZE = 20;
    private static final Pattern AREA = Pattern.compile("\\d{1,6}");
    private static final Set<String> PARAMETERS = Set.of("title", "content", "area", "phone", "size");

    private final CaseSearchEngine index;
    private final Readers readers;
    private final ReaderScopes scopes;
    private final PhoneHasher phones;
    private final Clock clock;
    private final FullTextProperties properties;

    DuplicatesController(CaseSearchEngine index, Readers readers, ReaderScopes scopes, PhoneHasher phones, Clock clock,
                         FullTextProperties properties) {
        this.index = index;
        this.readers = readers;
        this.scopes = scopes;
        this.phones = phones;
        this.clock = clock;
        this.properties = properties;
    }

    /** The panel's answer: the suggestions, best first. */
    record Duplicates(List<Suggestion> items) {
    }

    @GetMapping("/api/v1/cases/duplicates")
    Mono<Duplicates> duplicates(@RequestParam(required = false) String title,
                                @RequestParam(required = false) String content,
                                @RequestParam(required = false) String area,
                                @RequestParam(required = false) String phone,
                                @RequestParam(required = false) Integer size,
                                ServerHttpRequest request) {
        for (String name : request.getQueryParams().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw invalid(name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        "unknown parameter; known: " + PARAMETERS);
            }
        }
        String typedTitle = limited("title", title, MAX_TITLE);
        String typedContent = limited("content", content, MAX_CONTENT);
        if (area != null && !area.isBlank() && !AREA.matcher(area.strip()).matches()) {
            throw invalid("area", "must match " + AREA.pattern());
        }
        int count = size == null ? 5 : size;
        if (count < 1 || count > MAX_SIZE) {
            throw invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        String phoneHash = phone == null || phone.isBlank() ? null : phones.hash(phone);
        if (phone != null && !phone.isBlank() && phoneHash == null) {
            throw invalid("phone", "must contain digits");
        }
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> {
                    if (phoneHash != null && !scope.mayKnowComplainant()) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "phone: looking up the complainant's phone is for the hotline's staff"));
                    }
                    Typed typed = new Typed(typedTitle, typedContent, area == null || area.isBlank() ? null
                            : area.strip(), phoneHash, scope.units());
                    return Mono.fromCallable(() -> new Duplicates(index.suggest(typed,
                                    clock.instant(), properties.duplicateWindow(), count)))
                            .onErrorMap(CaseSearchEngine.Unavailable.class, e -> new ResponseStatusException(
                                    HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; try again", e))
                            .subscribeOn(Schedulers.boundedElastic());
                });
    }

    private static String limited(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw invalid(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static ResponseStatusException invalid(String field, String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + reason);
    }
}
