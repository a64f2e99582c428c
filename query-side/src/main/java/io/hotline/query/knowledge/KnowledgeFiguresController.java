package io.hotline.query.knowledge;

import io.hotline.query.web.Readers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/knowledge/figures?from=&to=}: the knowledge base's figures ({@link KnowledgeFigures}) for the
 * cases registered in the period (days in the city's zone, {@code to} inclusive; both optional). Open to every
 * reader: they count requests and name articles, and the titles in the list of articles to write are scrubbed of
 * numbers.
 */
@RestController
class KnowledgeFiguresController {

    private final KnowledgeReads reads;
    private final Readers readers;
    private final ZoneId zone;

    KnowledgeFiguresController(KnowledgeReads reads, Readers readers, ZoneId zone) {
        this.reads = reads;
        this.readers = readers;
        this.zone = zone;
    }

    @GetMapping("/api/v1/knowledge/figures")
    Mono<KnowledgeFigures.Figures> figures(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        Instant start = day("from", from, 0);
        Instant end = day("to", to, 1);
        if (start != null && end != null && !start.isBefore(end)) {
            throw KnowledgeController.invalid("to", "must not come before from");
        }
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .then(Mono.zip(reads.intake().collectList(),
                        reads.articles(null).collect(Collectors.toMap(ArticleView::articleId, Function.identity())),
                        reads.flags(null).collectList()))
                .map(all -> KnowledgeFigures.of(start, end, all.getT1(), all.getT2(), all.getT3()));
    }

    private Instant day(String field, String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw KnowledgeController.invalid(field, "must be a day (2026-11-22)");
        }
    }
}
