package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;
import io.hotline.query.personal.FreeText;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.bson.RawBsonDocument;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import com.mongodb.MongoClientSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A case as the case index keeps it: the fields searched and filtered on, the values the working lists sort by
 * (lead unit, category, next deadline, registration, id: see {@link CaseLists}), and the case view itself (stored,
 * so the next event can be applied to it by the same code that keeps the case views).
 * <p>
 * <b>No personal data.</b> The text fields hold the title, the content, the progress notes and the replies, each
 * with anything shaped like a phone or an ID number scrubbed ({@link FreeText}); the stored view keeps of the
 * citizen only the keyed phone hash (no name, not even masked, no masked numbers), and the hash is indexed as a
 * keyword so the caller's earlier cases are found without the phone ever reaching the index. The area is its
 * code only.
 */
public final class CaseDocuments {

    /** Changes whenever what a document holds changes: an index of another layout is rebuilt when opened. */
    public static final String LAYOUT = "cases-3";

    static final String ID = "id";
    static final String NUMBER = "number";
    static final String TITLE = "title";
    static final String CONTENT = "content";
    static final String NOTES = "notes";
    static final String STATUS = "status";
    static final String OPEN = "open";
    static final String LEAD = "lead";
    static final String UNIT = "unit";
    static final String INVOLVED = "involved";
    static final String CATEGORY = "category";
    static final String CHANNEL = "channel";
    static final String URGENCY = "urgency";
    static final String AREA = "area";
    static final String PENDING = "pending";
    static final String NEXT_DUE = "nextDue";
    static final String REGISTERED = "registered";
    static final String PHONE = "phone";
    static final String VIEW = "view";
    /** The text fields a free-text search looks in, and how much a match in each weighs. */
    static final Map<String, Float> TEXT = Map.of(TITLE, 3f, CONTENT, 1f, NOTES, 0.5f);

    private static final String NOTES_KEY = "_notes";
    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private final MongoConverter converter;

    public CaseDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    /** A case as stored in the index: its view and its notes and replies so far (by event sequence). */
    record IndexedCase(CaseView view, TreeMap<Long, String> notes) {
    }

    /** The Lucene document of a case. */
    List<IndexableField> document(CaseView view, Map<Long, String> notes) {
        List<IndexableField> fields = new ArrayList<>();
        fields.add(new StringField(ID, view.caseId(), Field.Store.YES));
        fields.add(new SortedDocValuesField(ID, new BytesRef(view.caseId())));
        view.caseNumbers().forEach(number -> fields.add(new StringField(NUMBER, number, Field.Store.NO)));
        text(fields, TITLE, view.title());
        text(fields, CONTENT, view.content());
        List<String> said = new ArrayList<>(notes.values());
        if (view.ending() != null && view.ending().text() != null && !"MERGED".equals(view.ending().how())) {
            said.add(view.ending().text());
        }
        said.forEach(note -> text(fields, NOTES, note));
        keyword(fields, STATUS, view.status() == null ? null : view.status().name());
        keyword(fields, OPEN, view.status() != null && view.status().isOpen() ? "true" : "false");
        keyword(fields, LEAD, view.leadUnit());
        if (view.leadUnit() != null) {
            fields.add(new SortedDocValuesField(LEAD, new BytesRef(view.leadUnit())));
        }
        view.currentUnits().forEach(unit -> keyword(fields, UNIT, unit));
        view.involvedUnits().forEach(unit -> keyword(fields, INVOLVED, unit));
        keyword(fields, CATEGORY, view.category() == null ? null : view.category().name());
        if (view.category() != null) {
            fields.add(new SortedDocValuesField(CATEGORY, new BytesRef(view.category().name())));
        }
        keyword(fields, CHANNEL, view.channel() == null ? null : view.channel().name());
        keyword(fields, URGENCY, view.urgency() == null ? null : view.urgency().name());
        keyword(fields, AREA, view.area());
        if (view.pendingObjection() != null && view.sendingUnit() == null) {
            // an objection from below is the sending unit's to decide (its inbox), not the coordinator's
            keyword(fields, PENDING, CaseFilter.Pending.OBJECTION.name());
        }
        if (view.pendingReview() != null) {
            keyword(fields, PENDING, CaseFilter.Pending.REVIEW.name());
        }
        if (view.pendingExtension() != null) {
            keyword(fields, PENDING, CaseFilter.Pending.EXTENSION.name());
        }
        if (view.nextDue() != null) {
            fields.add(new LongPoint(NEXT_DUE, view.nextDue().toEpochMilli()));
            fields.add(new NumericDocValuesField(NEXT_DUE, view.nextDue().toEpochMilli()));
        }
        long registered = view.registeredAt() == null ? 0 : view.registeredAt().toEpochMilli();
        fields.add(new LongPoint(REGISTERED, registered));
        fields.add(new NumericDocValuesField(REGISTERED, registered));
        if (view.citizen() != null) {
            keyword(fields, PHONE, view.citizen().phoneHash());
        }
        fields.add(new StoredField(VIEW, stored(view, notes)));
        return fields;
    }

    /** The case a stored document holds. */
    IndexedCase read(BytesRef stored) {
        byte[] bytes = new byte[stored.length];
        System.arraycopy(stored.bytes, stored.offset, bytes, 0, stored.length);
        return readStored(bytes);
    }

    /** The case stored as these bytes (the {@code view} field). */
    IndexedCase readStored(byte[] bytes) {
        Document document = new RawBsonDocument(bytes).decode(CODEC);
        TreeMap<Long, String> notes = new TreeMap<>();
        Document said = (Document) document.remove(NOTES_KEY);
        if (said != null) {
            said.forEach((sequence, text) -> notes.put(Long.parseLong(sequence), (String) text));
        }
        return new IndexedCase(converter.read(CaseView.class, document), notes);
    }

    /** The view as BSON, the citizen cut down to the phone hash, and the notes beside it. */
    private byte[] stored(CaseView view, Map<Long, String> notes) {
        Document document = new Document();
        converter.write(view, document);
        Object citizen = document.get("citizen");
        if (citizen instanceof Document person) {
            Document hashOnly = new Document();
            if (person.get("phoneHash") != null) {
                hashOnly.put("phoneHash", person.get("phoneHash"));
            }
            document.put("citizen", hashOnly);
        }
        document.remove("_class");
        SCRUBBED.forEach((key, inner) -> scrub(document, key, inner));
        Document said = new Document();
        notes.forEach((sequence, text) -> said.put(Long.toString(sequence), FreeText.scrubbed(text)));
        document.put(NOTES_KEY, said);
        RawBsonDocument raw = new RawBsonDocument(document, CODEC);
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        return bytes;
    }

    /** Free text in the stored view that a citizen's number could be typed into: scrubbed like the indexed text. */
    private static final Map<String, String> SCRUBBED = Map.ofEntries(Map.entry("title", ""),
            Map.entry("content", ""), Map.entry("ending", "text"), Map.entry("lastProgress", "note"),
            Map.entry("lastReply", "text"), Map.entry("lastUrge", "note"), Map.entry("supervision", "note"),
            Map.entry("pendingObjection", "reason"), Map.entry("pendingExtension", "reason"),
            Map.entry("pendingReview", "text"), Map.entry("lastReview", "text"));

    private static void scrub(Document document, String key, String inner) {
        Object value = document.get(key);
        if (inner.isEmpty() && value instanceof String text) {
            document.put(key, FreeText.scrubbed(text));
        } else if (value instanceof Document nested && nested.get(inner) instanceof String text) {
            nested.put(inner, FreeText.scrubbed(text));
        }
    }

    private static void text(List<IndexableField> fields, String name, String text) {
        if (text != null && !text.isBlank()) {
            fields.add(new TextField(name, FreeText.scrubbed(text), Field.Store.YES));
        }
    }

    private static void keyword(List<IndexableField> fields, String name, String value) {
        if (value != null) {
            fields.add(new StringField(name, value, Field.Store.NO));
        }
    }
}
