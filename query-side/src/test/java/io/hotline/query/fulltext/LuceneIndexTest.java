package io.hotline.query.fulltext;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The index keeps its log position in its commit, replaces by id, and is cleared when its layout changes. */
class LuceneIndexTest {

    private static Document doc(String id, String text) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField("text", text, Field.Store.NO));
        return doc;
    }

    private static int hits(LuceneIndex index, String term) {
        return index.search(searcher -> searcher.count(new TermQuery(new Term("text", term))));
    }

    @Test
    void aReopenedIndexResumesFromItsCommittedPosition(@TempDir Path folder) {
        try (LuceneIndex index = LuceneIndex.open(folder.resolve("cases"), ChineseAnalysis.bigrams(), "v1")) {
            assertThat(index.committedPosition()).isEmpty();
            index.update("id", "a", doc("a", "楼上漏水"));
            index.commit(OptionalLong.of(41), "first-event");
            index.update("id", "b", doc("b", "噪音扰民")); // not committed: indexed again after a restart
        }
        try (LuceneIndex index = LuceneIndex.open(folder.resolve("cases"), ChineseAnalysis.bigrams(), "v1")) {
            assertThat(index.committedPosition()).hasValue(41);
            assertThat(index.committedLog()).hasValue("first-event");
            assertThat(hits(index, "漏水")).isEqualTo(1);
            assertThat(hits(index, "噪音")).isZero();
        }
    }

    @Test
    void anUpdateReplacesTheDocumentWithTheSameId() {
        try (LuceneIndex index = LuceneIndex.inMemory("t", ChineseAnalysis.bigrams(), "v1")) {
            index.update("id", "a", doc("a", "楼上漏水"));
            index.update("id", "a", doc("a", "路灯不亮"));
            index.refreshNow();
            assertThat(index.size()).isEqualTo(1);
            assertThat(hits(index, "漏水")).isZero();
            assertThat(hits(index, "路灯")).isEqualTo(1);
        }
    }

    @Test
    void anIndexOfAnotherLayoutIsClearedWhenOpened(@TempDir Path folder) {
        try (LuceneIndex index = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "v1")) {
            index.update("id", "a", doc("a", "楼上漏水"));
            index.commit(OptionalLong.of(7), "first-event");
        }
        try (LuceneIndex index = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "v2")) {
            assertThat(index.committedPosition()).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test
    void aFolderHeldByAnotherWriterFallsBackToMemory(@TempDir Path folder) {
        try (LuceneIndex first = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "v1");
             LuceneIndex second = LuceneIndex.open(folder, ChineseAnalysis.bigrams(), "v1")) {
            second.update("id", "a", doc("a", "楼上漏水"));
            second.refreshNow();
            assertThat(hits(second, "漏水")).isEqualTo(1);
            assertThat(hits(first, "漏水")).isZero();
        }
    }

    @Test
    void queryWordsComeFromTheDictionaryAndTextIsIndexedAsBigrams() {
        assertThat(ChineseAnalysis.words("楼上漏水")).containsExactly("楼上", "漏水");
        assertThat(ChineseAnalysis.terms(ChineseAnalysis.bigrams(), "f", "停车场 AND")).containsExactly("停车", "车场",
                "and");
    }
}
