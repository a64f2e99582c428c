package io.hotline.command.privacy;

import io.hotline.command.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;

/**
 * 删除个人信息 (PIPL art. 47), for administrators (the access rules guard {@code /api/v1/admin/**}):
 * {@code POST /api/v1/admin/privacy/erasures {"phone"} or {"caseId"}} answers {@code 201} with the record, or
 * {@code 202} when some cases could not record it yet (post again to finish). {@code GET} lists the records.
 * Runs where the command side runs: the cases record the erasure as commands.
 */
@RestController
@RequestMapping("/api/v1/admin/privacy/erasures")
class ErasureController {

    private final CitizenErasures erasures;
    private final Callers callers;

    ErasureController(CitizenErasures erasures, Callers callers) {
        this.erasures = erasures;
        this.callers = callers;
    }

    @PostMapping
    Mono<ResponseEntity<Erasure>> erase(@Valid @RequestBody ErasureRequest request) {
        if (!request.namesOne()) {
            return Mono.error(CitizenErasures.refused(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                    "phone, caseId: give exactly one of them"));
        }
        return callers.current()
                .flatMap(admin -> Mono.fromCallable(() -> erasures.erase(request, admin))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(erasure -> ResponseEntity.status(erasure.complete() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                        .location(URI.create("/api/v1/admin/privacy/erasures/" + erasure.erasureId()))
                        .body(erasure));
    }

    @GetMapping
    Mono<List<Erasure>> recent() {
        return Mono.fromCallable(() -> erasures.recent(100)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{erasureId}")
    Mono<Erasure> one(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String erasureId) {
        return Mono.fromCallable(() -> erasures.find(erasureId)
                        .orElseThrow(() -> CitizenErasures.refused(HttpStatus.NOT_FOUND, "ERASURE_NOT_FOUND",
                                "No such erasure.")))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
