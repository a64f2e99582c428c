package io.hotline.query.audit.bulletin;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.common.Actor;
import io.hotline.query.audit.AuditParameters;
import io.hotline.query.audit.AuditorGate;
import io.hotline.query.audit.Html;
import io.hotline.query.audit.trail.AccessTrail;
import io.hotline.query.figures.query.UnitStandings;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The periodic bulletin per unit (定期通报) for a period: {@code GET /api/v1/audit/bulletins/units.csv?from=&to=}
 * for Excel, {@code …/units.html} to print. Days are local to the city; both are inclusive. The ranking is the
 * figures' own ({@link UnitStandings}), so the bulletin and the figures never disagree. Each export is recorded in
 * the access trail first.
 */
@RestController
@RequestMapping("/api/v1/audit/bulletins")
class BulletinController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditorGate gate;
    private final UnitStandings standings;
    private final AccessTrail trail;
    private final BulletinExport export;
    private final Clock clock;

    BulletinController(AuditorGate gate, UnitStandings standings, AccessTrail trail, Clock clock,
                       ZoneId zone) {
        this.gate = gate;
        this.standings = standings;
        this.trail = trail;
        this.clock = clock;
        this.export = new BulletinExport(zone);
    }

    @GetMapping("/units.csv")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, ServerWebExchange exchange) {
        LocalDate[] period = AuditParameters.period(from, to);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> bulletin(auditor, period, "csv")
                        .map(bulletin -> ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                        .filename(fileName(period, "csv")).build().toString())
                                .contentType(CSV)
                                .body(export.csv(bulletin))));
    }

    @GetMapping(value = "/units.html", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> html(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, ServerWebExchange exchange) {
        LocalDate[] period = AuditParameters.period(from, to);
        return gate.admit(exchange, Action.AUDIT)
                .flatMap(auditor -> bulletin(auditor, period, "html")
                        .map(bulletin -> ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                        .filename(fileName(period, "html")).build().toString())
                                .header("Content-Security-Policy", Html.CONTENT_SECURITY_POLICY)
                                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                                .body(export.html(bulletin, auditor, clock.instant()))));
    }

    private Mono<UnitStandings.Standings> bulletin(Actor auditor, LocalDate[] period, String format) {
        Instant now = clock.instant();
        return standings.between(period[0], period[1])
                .flatMap(bulletin -> trail.bulletinExported(auditor, period[0], period[1], format, now)
                        .thenReturn(bulletin));
    }

    private static String fileName(LocalDate[] period, String extension) {
        return "bulletin-units-" + period[0] + "-" + period[1] + "." + extension;
    }
}
