package io.hotline.query.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.fulltext.OpenSearchIndex;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.search.CaseDocuments.IndexedCase;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexableField;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The case index on OpenSearch as the store of the case-view projection, like {@link CaseIndexStore} for this node's
 * Lucene index: the same document ({@link CaseDocuments#document}, its fields as a JSON source), the view stored in
 * it (field {@code view}, the BSON bytes, as OpenSearch's {@code binary}), notes and replies beside it.
 * <p>
 * <b>Every query node feeds the one index.</b> A case's document carries the sequence number of the last event
 * applied as its external version ({@code external_gte}): a node behind another writes the same document again
 * or is refused (409, skipped here), never puts an older view back. A processor batch's views are written in one
 * bulk request at its end; a read of a case by id is real-time in OpenSearch, so the next batch sees them without
 * waiting for a refresh.
 */
final class OpenSearchCaseStore extends NotedCaseStore {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchCaseStore.class);

    private final OpenSearchIndex index;
    private final CaseDocuments documents;

    OpenSearchCaseStore(OpenSearchIndex index, CaseDocuments documents) {
        this.index = index;
        this.documents = documents;
    }

    /** The {@code view} field of a stored case, all a read by id needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Stored {
        public String view;
    }

    @Override
    public void saveCase(CaseView view) {
        saveCases(List.of(view));
    }

    @Override
    public void saveCases(Collection<CaseView> views) {
        if (views.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (CaseView view : views) {
            TreeMap<Long, String> said = notesToWrite(view.caseId());
            Map<String, Object> source = source(documents.document(view, said));
            long version = Math.max(0, view.version());
            operations.add(BulkOperation.of(op -> op.index(write -> write.index(index.name()).id(view.caseId())
                    .version(version).versionType(VersionType.ExternalGte).document(source))));
        }
        try {
            BulkResponse written = index.client().bulk(bulk -> bulk.operations(operations));
            if (written.errors()) {
                for (BulkResponseItem item : written.items()) {
                    if (item.error() == null) {
                        continue;
                    }
                    if (item.status() == 409) {
                        // another node already wrote this case at a later event: its document stands
                        log.debug("Case {} in index {} is newer than this write", item.id(), index.name());
                    } else {
                        throw new IllegalStateException("index " + index.name() + " refused case " + item.id()
                                + ": " + item.error().type() + " " + item.error().reason());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Lucene document's fields as a JSON source: the same fields, by construction; doc-values copies left out. */
    static Map<String, Object> source(List<IndexableField> fields) {
        Map<String, Object> source = new LinkedHashMap<>();
        for (IndexableField field : fields) {
            if (field.fieldType().docValuesType() != DocValuesType.NONE) {
                continue;
            }
            Object value = field.name().equals(CaseDocuments.VIEW)
                    ? Base64.getEncoder().encodeToString(bytes(field))
                    : field.numericValue() != null ? field.numericValue() : field.stringValue();
            source.merge(field.name(), value, (before, more) -> {
                List<Object> values = before instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(
                        List.of(before));
                values.add(more);
                return values;
            });
        }
        return source;
    }

    private static byte[] bytes(IndexableField field) {
        var ref = field.binaryValue();
        byte[] bytes = new byte[ref.length];
        System.arraycopy(ref.bytes, ref.offset, bytes, 0, ref.length);
        return bytes;
    }

    @Override
    public Optional<Inbox> findInbox(String unit) {
        return Optional.empty();
    }

    @Override
    public void saveInbox(Inbox inbox) {
        // not part of the index
    }

    @Override
    public long listLength() {
        return 0;
    }

    @Override
    public void saveListLength(long length) {
        // not part of the index
    }

    /** The stored cases with these ids, read in one real-time multi-get. */
    @Override
    Map<String, IndexedCase> read(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, IndexedCase> found = new HashMap<>();
            var got = index.client().mget(get -> get.index(index.name()).ids(List.copyOf(caseIds))
                    .sourceIncludes(CaseDocuments.VIEW), Stored.class);
            for (MultiGetResponseItem<Stored> item : got.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    found.put(item.result().id(), read(item.result().source()));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexedCase read(Stored stored) {
        return documents.readStored(Base64.getDecoder().decode(stored.view));
    }
}
