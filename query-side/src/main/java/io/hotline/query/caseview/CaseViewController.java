package io.hotline.query.caseview;

import io.hotline.query.units.ReaderScopes;
import io.hotline.query.web.NotFound;
import io.hotline.query.web.ReaderScope;
import io.hotline.query.web.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Optional;

/**
 * Reads one case. {@code atLeastVersion} (the {@code version} a command answered with) waits until the view
 * shows that write; a view still older after the timeout is answered with {@code X-View-Stale: true}. Every
 * answer carries {@code X-View-Version}. A case outside a unit handler's scope answers 404, like a missing one.
 * The complainant is shown masked to the hotline's staff and not at all to unit handlers ({@link CitizenView}).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseViewController {

    static final String VERSION_HEADER = "X-View-Version";
    static final String STALE_HEADER = "X-View-Stale";
    private static final Logger log = LoggerFactory.getLogger(CaseViewController.class);

    private final CaseLookup lookup;
    private final Readers readers;
    private final ReaderScopes scopes;
    private final Clock clock;

    CaseViewController(CaseLookup lookup, Readers readers, ReaderScopes scopes, Clock clock) {
        this.lookup = lookup;
        this.readers = readers;
        this.scopes = scopes;
        this.clock = clock;
    }

    @GetMapping("/{caseId}")
    Mono<ResponseEntity<CaseAnswer>> byId(@PathVariable String caseId,
                                          @RequestParam(required = false) Long atLeastVersion) {
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(scopes::of)
                .flatMap(scope -> {
                    Mono<CaseLookup.Read> read = atLeastVersion == null
                            ? lookup.find(caseId).map(view -> new CaseLookup.Read(Optional.of(view), false))
                            : lookup.awaitVersion(caseId, atLeastVersion, view -> visible(scope, view));
                    return read.defaultIfEmpty(new CaseLookup.Read(Optional.empty(), false))
                            .map(found -> answer(caseId, scope, found));
                });
    }

    private static boolean visible(ReaderScope scope, CaseView view) {
        return scope.everything() || scope.units().stream().anyMatch(view::concerns);
    }

    private ResponseEntity<CaseAnswer> answer(String caseId, ReaderScope scope, CaseLookup.Read found) {
        CaseView view = found.view().orElseThrow(() -> NotFound.caseNotFound(caseId));
        if (!visible(scope, view)) {
            log.warn("Refused case {} to user {} of unit {}: outside the unit's cases", caseId,
                    scope.reader().userId(), scope.unit());
            throw NotFound.caseNotFound(caseId);
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(VERSION_HEADER, Long.toString(view.version()));
        if (found.stale()) {
            ok.header(STALE_HEADER, "true");
        }
        CitizenView shown = view.citizen() == null ? null : view.citizen().shownTo(scope.mayKnowComplainant());
        return ok.body(new CaseAnswer(view, shown, clock.instant()));
    }
}
