package io.hotline.command.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.hotline.kernel.cases.ErasePersonalData;
import io.hotline.kernel.common.Actor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Erasing a citizen's personal data when the law requires it (PIPL art. 47), without touching the log:
 * <ol>
 * <li>find their key (from the phone, or from the case's stored registration) and the cases sealed under it;</li>
 * <li>destroy the key: from now on every event holding the citizen reads them as erased, on every replay;</li>
 * <li>record the erasure (who, when, which key; never the data) in {@code citizen_erasures};</li>
 * <li>tell each case ({@link ErasePersonalData}): the case drops the person from its state and every read model
 * follows the resulting event, on every node, live or rebuilding.</li>
 * </ol>
 * Each step may be repeated: posting the same erasure again finishes whatever a failure left undone (a case
 * records it once). The cases are looked up again after the key is gone, so a case registered for the same
 * person meanwhile is reached too.
 * <p>
 * The keys and the sealed log belong to the platform; the process reaches them through {@link SealedPersonalData}.
 */
@Component
class CitizenErasures {

    private static final Logger log = LoggerFactory.getLogger(CitizenErasures.class);

    private final SealedPersonalData sealed;
    private final CommandGateway commands;
    private final MongoCollection<Document> records;
    private final Clock clock;

    CitizenErasures(SealedPersonalData sealed, CommandGateway commands, MongoDatabaseFactory mongo, Clock clock) {
        this.sealed = sealed;
        this.commands = commands;
        this.records = mongo.getMongoDatabase().getCollection(Erasure.COLLECTION);
        this.clock = clock;
    }

    /** Erases; blocking (store round trips and one command per case), so call it off the request threads. */
    Erasure erase(ErasureRequest request, Actor admin) {
        String keyId = request.phone() != null ? keyOfPhone(request.phone()) : keyOfCase(request.caseId());
        Set<String> cases = new LinkedHashSet<>(sealed.casesSealedUnder(keyId));
        if (cases.isEmpty() && !sealed.keyExists(keyId)) {
            throw refused(HttpStatus.NOT_FOUND, "NO_PERSONAL_DATA", "No personal data is stored under this phone.");
        }
        boolean destroyed = sealed.shred(keyId);
        Erasure erasure = Erasure.begun(UUID.randomUUID().toString(), keyId, request.phone() != null ? "PHONE" : "CASE",
                request.caseId(), request.reference(), admin, clock.instant());
        records.insertOne(erasure.toDocument());
        cases.addAll(sealed.casesSealedUnder(keyId));

        List<String> done = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (String caseId : cases) {
            try {
                commands.sendAndWait(new ErasePersonalData(caseId, erasure.erasureId(), admin));
                done.add(caseId);
            } catch (RuntimeException e) {
                log.warn("Erasure {} could not be recorded on case {} yet ({}); posting the erasure again finishes it",
                        erasure.erasureId(), caseId, e.getClass().getSimpleName());
                unfinished.add(caseId);
            }
        }
        Erasure finished = erasure.finished(done, unfinished);
        records.replaceOne(Filters.eq("_id", finished.erasureId()), finished.toDocument(), new ReplaceOptions());
        log.info("Erasure {} by {}: citizen key {} {}, recorded on {} case(s), {} unfinished", finished.erasureId(),
                admin.userId(), keyId, destroyed ? "destroyed" : "was already destroyed", done.size(),
                unfinished.size());
        return finished;
    }

    /** The most recent erasures, newest first. */
    List<Erasure> recent(int limit) {
        return records.find().sort(Sorts.descending("at")).limit(limit).map(Erasure::of).into(new ArrayList<>());
    }

    Optional<Erasure> find(String erasureId) {
        return Optional.ofNullable(records.find(Filters.eq("_id", erasureId)).first()).map(Erasure::of);
    }

    private String keyOfPhone(String phone) {
        return sealed.keyOfPhone(phone).orElseThrow(() ->
                refused(HttpStatus.BAD_REQUEST, "INVALID_PHONE", "phone: must contain digits"));
    }

    private String keyOfCase(String caseId) {
        SealedPersonalData.CaseCitizen citizen = sealed.citizenOfCase(caseId).orElseThrow(() ->
                refused(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "No such case."));
        if (citizen.keyIds().isEmpty()) {
            throw citizen.plain()
                    ? refused(HttpStatus.CONFLICT, "STORED_IN_PLAIN", "This case's citizen was stored before personal "
                    + "data were sealed: erase them by phone to reach their sealed cases; this registration cannot be "
                    + "erased by key.")
                    : refused(HttpStatus.CONFLICT, "NO_PERSONAL_DATA", "This case holds no personal data to erase.");
        }
        return citizen.keyIds().iterator().next();
    }

    static ErrorResponseException refused(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(code);
        problem.setType(URI.create("urn:hotline:rejection:" + code));
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }
}
