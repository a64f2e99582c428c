package io.hotline.query.readmodel;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.query.web.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilding read models ({@link Action#REBUILD_READ_MODELS}: admins only; the web edge guards the path as well).
 * {@code POST} starts a rebuild and answers 202 with its progress; {@code GET} reports progress.
 */
@RestController
@RequestMapping("/api/v1/admin/rebuild")
class RebuildController {

    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

    private final Rebuilds rebuilds;
    private final Readers readers;
    private final ReadModelRegistry registry;

    RebuildController(Rebuilds rebuilds, Readers readers, ReadModelRegistry registry) {
        this.rebuilds = rebuilds;
        this.readers = readers;
        this.registry = registry;
    }

    @PostMapping("/{readModel}")
    Mono<ResponseEntity<RebuildProgress>> rebuild(@PathVariable String readModel) {
        return admin().then(Mono.fromCallable(() -> {
                    ReadModel model = known(readModel);
                    try {
                        return rebuilds.start(model);
                    } catch (Rebuilds.AlreadyRebuilding e) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
                    }
                }).subscribeOn(Schedulers.boundedElastic()))
                .map(progress -> ResponseEntity.status(HttpStatus.ACCEPTED).body(progress));
    }

    @GetMapping("/{readModel}")
    Mono<RebuildProgress> progress(@PathVariable String readModel) {
        return admin().then(Mono.fromCallable(() -> rebuilds.progress(known(readModel)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<Void> admin() {
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(reader -> {
            if (Permissions.allows(reader.roles(), Action.REBUILD_READ_MODELS)) {
                return Mono.empty();
            }
            log.warn("User {} of unit {} without the ADMIN role was refused the rebuild API", reader.userId(),
                    reader.unitId());
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "Rebuilding needs the ADMIN role"));
        });
    }

    private ReadModel known(String name) {
        return registry.named(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No read model " + name + "; known: " + registry.all().stream().map(ReadModel::name).toList()));
    }
}
