package io.hotline.query.audit.history;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.common.Actor;
import io.hotline.query.audit.AuditParameters;
import io.hotline.query.audit.AuditorGate;
import io.hotline.query.audit.BlockingReads;
import io.hotline.query.audit.Html;
import io.hotline.query.audit.trail.AccessTrail;
import io.hotline.query.audit.verify.ChainVerifier;
import io.hotline.query.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One case under audit: its history (paged), its state at a moment or after an event, the verdict of its hash
 * chain, and its history exported as JSON or printable HTML. Everything is read from the event log; nothing
 * here changes a case. Exports are recorded in the access trail before they are handed over.
 */
@RestController
@RequestMapping("/api/v1/audit/cases/{caseId}")
class CaseAuditController {

    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final Logger log = LoggerFactory.getLogger(CaseAuditController.class);

    private final AuditorGate gate;
    private final CaseHistory history;
    private final CaseAsOf asOf;
    private final ChainVerifier verifier;
    private final AccessTrail trail;
    private final HistoryExport export;
    private final Clock clock;

    CaseAuditController(AuditorGate gate, CaseHistory history, CaseAsOf asOf, ChainVerifier verifier,
                        AccessTrail trail, Clock clock, ZoneId zone) {
        this.gate = gate;
        this.history = history;
        this.asOf = asOf;
        this.verifier = verifier;
        this.trail = trail;
        this.clock = clock;
        this.export = new HistoryExport(zone);
    }

    /** {@code GET …/history?page=&size=}: the events in order, {@code size} (default 100, at most 1000) a page. */
    @GetMapping("/history")
    Mono<HistoryPage> history(@PathVariable String caseId, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, ServerWebExchange exchange) {
        String id = AuditParameters.caseId(caseId);
        int pageNumber = AuditParameters.page(page);
        int pageSize = AuditParameters.size(size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> BlockingReads.of(() -> history.page(id, pageNumber, pageSize)))
                .map(found -> found.orElseThrow(() -> NotFound.caseNotFound(id)));
    }

    /**
     * {@code GET …/as-of?at=<instant>}: the case as it was at that moment; {@code ?version=N}: as it was right after
     * the event with sequence number N (the version a command answered; 0 is the registration).
     */
    @GetMapping("/as-of")
    Mono<CaseAsOf.State> asOf(@PathVariable String caseId, @RequestParam(required = false) String at,
                              @RequestParam(required = false) Long version, ServerWebExchange exchange) {
        String id = AuditParameters.caseId(caseId);
        if ((at == null) == (version == null)) {
            throw AuditParameters.invalid(at == null ? "at" : "version", "give either at or version, not both");
        }
        if (version != null && version < 0) {
            throw AuditParameters.invalid("version", "must be 0 or more");
        }
        Instant moment = at == null ? null : AuditParameters.instant("at", at);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> BlockingReads.of(() -> moment != null ? asOf.at(id, moment) : asOf.afterVersion(id, version)))
                .map(found -> found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        moment != null ? "Case " + id + " had no events at or before " + moment
                                : "Case " + id + " has no event with sequence number " + version)));
    }

    /** {@code GET …/verify}: whether the case's stored events still match their seals, or where they first don't. */
    @GetMapping("/verify")
    Mono<ChainVerifier.Verdict> verify(@PathVariable String caseId, ServerWebExchange exchange) {
        String id = AuditParameters.caseId(caseId);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> BlockingReads.of(() -> history.exists(id) ? Optional.of(verified(id))
                        : Optional.<ChainVerifier.Verdict>empty()))
                .map(found -> found.orElseThrow(() -> NotFound.caseNotFound(id)));
    }

    /** {@code GET …/history/export.json}: the whole history with the case's state and chain verdict, as a file. */
    @GetMapping(value = "/history/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<HistoryExport.Json>> exportJson(@PathVariable String caseId, ServerWebExchange exchange) {
        String id = AuditParameters.caseId(caseId);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> exported(id, auditor, "json").map(file -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(file, "json"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(export.json(file.state(), file.chain(), file.events(), auditor, file.at()))));
    }

    /** {@code GET …/history/export.html}: the same as a printable document for an inspection report. */
    @GetMapping(value = "/history/export.html", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> exportHtml(@PathVariable String caseId, ServerWebExchange exchange) {
        String id = AuditParameters.caseId(caseId);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> exported(id, auditor, "html").map(file -> ResponseEntity.ok()
                        .header(HttpHeaders.CONTENT_DISPOSITION, inline(file, "html"))
                        .header("Content-Security-Policy", Html.CONTENT_SECURITY_POLICY)
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(export.html(file.state(), file.chain(), file.events(), auditor, file.at()))));
    }

    /** What an export is made of, read once: the history, the state now and the chain's verdict. */
    private record ExportFile(CaseAsOf.State state, ChainVerifier.Verdict chain, List<HistoryEntry> events,
                              Instant at) {
    }

    private Mono<ExportFile> exported(String caseId, Actor auditor, String format) {
        return BlockingReads.of(() -> {
            Optional<List<HistoryEntry>> events = history.all(caseId);
            if (events.isEmpty()) {
                return Optional.<ExportFile>empty();
            }
            Instant now = clock.instant();
            CaseAsOf.State state = asOf.now(caseId, now).orElseThrow(() -> NotFound.caseNotFound(caseId));
            return Optional.of(new ExportFile(state, verifier.verifyCase(caseId, now), events.get(), now));
        })
                .map(found -> found.orElseThrow(() -> NotFound.caseNotFound(caseId)))
                .flatMap(file -> trail.caseExported(auditor, caseId, file.state().view().caseNumber(), format, file.at())
                        .thenReturn(file))
                .doOnNext(file -> log.info("Case {} history exported as {} by {}", caseId, format, auditor.userId()));
    }

    private ChainVerifier.Verdict verified(String caseId) {
        return verifier.verifyCase(caseId, clock.instant());
    }

    private static String attachment(ExportFile file, String extension) {
        return ContentDisposition.attachment().filename(fileName(file, extension)).build().toString();
    }

    private static String inline(ExportFile file, String extension) {
        return ContentDisposition.inline().filename(fileName(file, extension)).build().toString();
    }

    private static String fileName(ExportFile file, String extension) {
        String number = file.state().view().caseNumber();
        return "case-" + (number == null ? file.state().caseId() : number) + "-history." + extension;
    }
}
