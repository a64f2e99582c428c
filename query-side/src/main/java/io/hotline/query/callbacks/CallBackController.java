package io.hotline.query.callbacks;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.query.caseview.CaseLookup;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.CitizenView;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.web.Readers;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * {@code GET /api/v1/call-backs}: the call-back workbench (电话回访), for those the permission table lets record
 * feedback: the replied cases awaiting an evaluation, oldest reply first, each joined with its case view by
 * {@code _id} for the number, title and the masked complainant.
 */
@RestController
@RequestMapping("/api/v1/call-backs")
class CallBackController {

    private static final int CONCURRENT_READS = 8;

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final CaseLookup cases;
    private final Readers readers;
    private final Clock clock;
    private final Duration invitationValidFor;

    CallBackController(ReactiveMongoTemplate mongo, ReadModelGenerations generations, CaseLookup cases,
                       Readers readers, Clock clock,
                       @Value("${app.policy.evaluation.invitation-valid-for:P7D}") Duration invitationValidFor) {
        this.mongo = mongo;
        this.generations = generations;
        this.cases = cases;
        this.readers = readers;
        this.clock = clock;
        this.invitationValidFor = invitationValidFor;
    }

    /** The list and how many await in all. */
    record Workbench(long total, List<CallBack> items, Instant asOf) {
    }

    @GetMapping
    Mono<Workbench> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit: must be between 1 and 500");
        }
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(reader -> {
                    if (!Permissions.allows(reader.roles(), Action.RECORD_FEEDBACK)) {
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "Only those who record feedback use the call-back list"));
                    }
                    Instant now = clock.instant();
                    String collection = generations.liveCollection(CallBackCollections.MODEL,
                            CallBackCollections.CALL_BACKS);
                    Mono<Long> total = mongo.count(new Query(), collection);
                    Mono<List<CallBack>> items = mongo.find(new Query().with(Sort.by("repliedAt")).limit(limit),
                                    Document.class, collection)
                            .flatMapSequential(stored -> cases.find(stored.getString("_id"))
                                    .map(view -> line(stored, view, now)), CONCURRENT_READS)
                            .collectList();
                    return Mono.zip(total, items, (count, list) -> new Workbench(count, list, now));
                });
    }

    private CallBack line(Document stored, CaseView view, Instant now) {
        Instant repliedAt = stored.get("repliedAt") instanceof Date date ? date.toInstant() : null;
        Instant openUntil = repliedAt == null ? null : repliedAt.plus(invitationValidFor);
        CitizenView citizen = view.citizen() == null ? null : view.citizen().shownTo(true);
        return new CallBack(view.caseId(), view.caseNumber(), view.title(),
                view.category() == null ? null : view.category().name(), repliedAt, stored.getString("unit"),
                stored.getString("result"), stored.getString("gist"), citizen == null ? null : citizen.name(),
                citizen == null ? null : citizen.maskedPhone(), openUntil,
                openUntil != null && !now.isBefore(openUntil));
    }
}
