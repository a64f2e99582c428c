package io.hotline.query.projection;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.inbox.Inbox;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ViewStore} in memory that stores what MongoDB would: every document goes through Spring Data's real
 * mapping to BSON and back, so tests see the same rounding (milliseconds) and the same field names.
 */
public class InMemoryViewStore implements ViewStore {

    private static final MappingMongoConverter CONVERTER = converter();

    final Map<String, Document> cases = new TreeMap<>();
    final Map<String, Document> inboxes = new TreeMap<>();
    long listLength;
    int caseWrites;
    int inboxWrites;

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    @Override
    public Optional<CaseView> findCase(String caseId) {
        return Optional.ofNullable(cases.get(caseId)).map(doc -> CONVERTER.read(CaseView.class, doc));
    }

    @Override
    public void saveCase(CaseView view) {
        Document doc = new Document();
        CONVERTER.write(view, doc);
        cases.put(view.caseId(), doc);
        caseWrites++;
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        return Optional.ofNullable(inboxes.get(unit)).map(doc -> CONVERTER.read(Inbox.class, doc));
    }

    @Override
    public void saveInbox(Inbox inbox) {
        Document doc = new Document();
        CONVERTER.write(inbox, doc);
        inboxes.put(inbox.unit(), doc);
        inboxWrites++;
    }

    @Override
    public long listLength() {
        return listLength;
    }

    @Override
    public void saveListLength(long length) {
        listLength = length;
    }

    public CaseView view(String caseId) {
        return findCase(caseId).orElseThrow();
    }

    public Inbox inbox(String unit) {
        return findInbox(unit).orElse(Inbox.empty(unit));
    }

    /** Every stored document as JSON, for comparing two stores. */
    public Map<String, String> snapshot() {
        Map<String, String> all = new TreeMap<>();
        cases.forEach((id, doc) -> all.put("case_view/" + id, doc.toJson()));
        inboxes.forEach((id, doc) -> all.put("inbox/" + id, doc.toJson()));
        all.put("case_list/length", Long.toString(listLength));
        return all;
    }
}
