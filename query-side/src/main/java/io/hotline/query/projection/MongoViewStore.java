package io.hotline.query.projection;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.KeyWindows;
import io.hotline.query.inbox.Inbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link ViewStore} over one generation's collections; every call is a lookup or an upsert by {@code _id}.
 * The bulk writes are ordered replaces-with-upsert, so an interrupted one leaves a prefix stored, each
 * document whole.
 */
public final class MongoViewStore implements ViewStore {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final String cases;
    private final String inboxes;
    private final String list;

    public MongoViewStore(ReactiveMongoTemplate mongo, String casesCollection, String inboxCollection,
                          String listCollection) {
        this.mongo = mongo;
        this.cases = casesCollection;
        this.inboxes = inboxCollection;
        this.list = listCollection;
    }

    @Override
    public Optional<CaseView> findCase(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseView.class, cases).block(WAIT));
    }

    @Override
    public void saveCase(CaseView view) {
        mongo.save(view, cases).block(WAIT);
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        return Optional.ofNullable(mongo.findById(unit, Inbox.class, inboxes).block(WAIT));
    }

    @Override
    public void saveInbox(Inbox inbox) {
        mongo.save(inbox, inboxes).block(WAIT);
    }

    @Override
    public long listLength() {
        return CaseList.lengthIn(mongo, list).block(WAIT);
    }

    @Override
    public void saveListLength(long length) {
        mongo.getCollection(list)
                .flatMap(target -> Mono.from(target.replaceOne(CaseList.lengthKey(), CaseList.lengthDocument(length),
                        new ReplaceOptions().upsert(true))))
                .block(WAIT);
    }

    @Override
    public Map<String, CaseView> findCases(Collection<String> caseIds) {
        Map<String, CaseView> found = new LinkedHashMap<>();
        for (List<String> window : KeyWindows.of(caseIds)) {
            List<CaseView> views = mongo.find(Query.query(Criteria.where("_id").in(window)), CaseView.class, cases)
                    .collectList().block(WAIT);
            if (views != null) {
                views.forEach(view -> found.put(view.caseId(), view));
            }
        }
        return found;
    }

    @Override
    public void saveCases(Collection<CaseView> views) {
        replaceAll(cases, views, CaseView::caseId);
    }

    @Override
    public void saveInboxes(Collection<Inbox> units) {
        replaceAll(inboxes, units, Inbox::unit);
    }

    private <T> void replaceAll(String collection, Collection<T> documents, Function<T, String> id) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(documents.size());
        for (T document : documents) {
            Document stored = new Document();
            mongo.getConverter().write(document, stored);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id.apply(document)), stored,
                    new ReplaceOptions().upsert(true)));
        }
        mongo.getCollection(collection)
                .flatMap(target -> Mono.from(target.bulkWrite(writes, new BulkWriteOptions().ordered(true))))
                .block(WAIT);
    }
}
