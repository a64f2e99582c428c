package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.time.Duration;
import java.util.Optional;

/** A {@link ViewStore} over one generation's collections; every call is a lookup or an upsert by {@code _id}. */
public final class MongoViewStore implements ViewStore {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final String cases;
    private final String inboxes;

    public MongoViewStore(ReactiveMongoTemplate mongo, String casesCollection, String inboxCollection) {
        this.mongo = mongo;
        this.cases = casesCollection;
        this.inboxes = inboxCollection;
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
}
