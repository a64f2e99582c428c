package io.hotline.infra.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.hotline.infra.privacy.StoredPayloads;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link StoredPayloads} over the commit documents of the {@link CommitLog}. */
final class CommitLogPayloads implements StoredPayloads {

    private final CommitLog log;

    CommitLogPayloads(CommitLog log) {
        this.log = log;
    }

    @Override
    public Optional<List<Document>> ofFirstCommit(String caseId) {
        Document first = log.commitStartingAt(caseId, 0);
        if (first == null) {
            return Optional.empty();
        }
        List<Document> payloads = new ArrayList<>();
        for (Document event : CommitLog.events(first)) {
            if (event.get(CommitLog.PAYLOAD) instanceof Document payload) {
                payloads.add(payload);
            }
        }
        return Optional.of(payloads);
    }

    @Override
    public List<String> casesWhere(String payloadPath, String value) {
        return log.commits().distinct(CommitLog.AGGREGATE_ID, Filters.eq(storedPath(payloadPath), value), String.class)
                .into(new ArrayList<>());
    }

    @Override
    public void index(String payloadPath, String name) {
        log.commits().createIndex(Indexes.ascending(storedPath(payloadPath)), new IndexOptions().sparse(true).name(name));
    }

    private static String storedPath(String payloadPath) {
        return CommitLog.EVENTS + "." + CommitLog.PAYLOAD + "." + payloadPath;
    }
}
