package io.hotline.query.knowledge;

import io.hotline.query.web.Readers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The knowledge base's reads ({@code /api/v1/knowledge/...}): an article (its working copy only for its unit and
 * the editors), any published version by number (citable: a case names it), the list for the knowledge screen,
 * the suggestions for the intake form, and per owning unit the articles near their effective-until day and the
 * operators' flags. Bad parameters answer 400 naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern AREA = Pattern.compile("\\d{1,6}");
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9-]{2,32}");
    private static final int MAX_TEXT = 5000;

    private final KnowledgeReads reads;
    private final ArticleMatcher matcher;
    private final Readers readers;
    private final Clock clock;
    private final ZoneId zone;
    private final int nearExpiryDays;

    KnowledgeController(KnowledgeReads reads, ArticleMatcher matcher, Readers readers, Clock clock, ZoneId zone,
                        @Value("${app.knowledge.near-expiry-days:30}") int nearExpiryDays) {
        this.reads = reads;
        this.matcher = matcher;
        this.readers = readers;
        this.clock = clock;
        this.zone = zone;
        this.nearExpiryDays = nearExpiryDays;
    }

    @GetMapping("/articles/{articleId}")
    Mono<ArticleView> article(@PathVariable String articleId) {
        check("articleId", articleId, ID);
        return reader().flatMap(reader -> reads.article(articleId).mapNotNull(reader::shown))
                .switchIfEmpty(Mono.error(notFound()));
    }

    /** A published version, whole: what a case citing it was told. Every reader may read it. */
    @GetMapping("/articles/{articleId}/versions/{version}")
    Mono<ArticleVersionView> version(@PathVariable String articleId, @PathVariable String version) {
        check("articleId", articleId, ID);
        if (!version.matches("[1-9]\\d{0,5}")) {
            throw invalid("version", "must be a published version number (1 or more)");
        }
        return reader().then(reads.version(articleId, Integer.parseInt(version)))
                .switchIfEmpty(Mono.error(notFound()));
    }

    /** The knowledge screen's list, newest change first: by the reader's scope, optionally one status. */
    @GetMapping("/articles")
    Mono<List<ArticleView>> articles(@RequestParam(required = false) String unit,
                                     @RequestParam(required = false) String status) {
        ArticleStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        String asked = unit == null || unit.isBlank() ? null : check("unit", unit.strip(), UNIT);
        return reader().flatMap(reader -> reads.articles(reader.unit(asked))
                .mapNotNull(reader::shown)
                .filter(view -> wanted == null || view.status() == wanted || view.draftStage() == wanted)
                .sort(Comparator.comparing(ArticleView::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .collectList());
    }

    /** 知识推荐: the published, in-force articles for the caller's area that best match what was said. */
    @GetMapping("/suggestions")
    Mono<List<Suggestion>> suggestions(@RequestParam(required = false) String title,
                                       @RequestParam(required = false) String content,
                                       @RequestParam(required = false) String area,
                                       @RequestParam(required = false) Integer limit) {
        if (area == null || area.isBlank()) {
            throw invalid("area", "is required: the caller's area code");
        }
        check("area", area, AREA);
        text("title", title);
        text("content", content);
        int size = limit == null ? 5 : limit;
        if (size < 1 || size > 20) {
            throw invalid("limit", "must be between 1 and 20");
        }
        String said = (title == null ? "" : title) + " " + (content == null ? "" : content);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return reader().then(Mono.fromCallable(() -> matcher.match(said, area, today, size))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** 临期提醒: published articles whose last day falls within the next N days, per owning unit. */
    @GetMapping("/near-expiry")
    Mono<List<ArticleView>> nearExpiry(@RequestParam(required = false) String unit) {
        String asked = unit == null || unit.isBlank() ? null : check("unit", unit.strip(), UNIT);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate horizon = today.plusDays(nearExpiryDays);
        return reader().flatMap(reader -> reads.articles(reader.unit(asked))
                .filter(view -> view.status() == ArticleStatus.PUBLISHED && view.published() != null
                        && view.published().effectiveUntil() != null
                        && !view.published().effectiveUntil().isBefore(today)
                        && !view.published().effectiveUntil().isAfter(horizon))
                .mapNotNull(reader::shown)
                .sort(Comparator.comparing(view -> view.published().effectiveUntil()))
                .collectList());
    }

    /** The operators' flags on the articles of a unit (a unit's keeper sees their own), newest first. */
    @GetMapping("/flags")
    Mono<List<FlagView>> flags(@RequestParam(required = false) String unit) {
        String asked = unit == null || unit.isBlank() ? null : check("unit", unit.strip(), UNIT);
        return reader().flatMap(reader -> reads.flags(reader.unit(asked))
                .sort(Comparator.comparing(FlagView::at).reversed())
                .collectList());
    }

    private Mono<KnowledgeReader> reader() {
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .map(KnowledgeReader::of);
    }

    private static ArticleStatus parseStatus(String status) {
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be one of " + List.of(ArticleStatus.values()));
        }
    }

    private static String check(String field, String value, Pattern allowed) {
        if (value == null || !allowed.matcher(value).matches()) {
            throw invalid(field, "must match " + allowed.pattern());
        }
        return value;
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article");
    }

    static ResponseStatusException invalid(String field, String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + reason);
    }
}
