package io.hotline.query.search;

import com.mongodb.client.model.ReplaceOptions;
import io.hotline.query.QueryTestSupport;
import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.CaseReadModel;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search without filters read off the case list, on collections of this test's own (the embedded store, as
 * the app runs by default): it answers a page exactly when the list is whole, and declines, so the caller
 * searches the ordinary way, whenever it is not.
 */
class NewestFirstTest extends QueryTestSupport {

    @Autowired
    NewestFirst newestFirst;
    @Autowired
    ReactiveMongoTemplate mongo;

    private String views;
    private String list;

    @BeforeEach
    void sevenCasesOnTheList() {
        String suffix = "_nf" + ThreadLocalRandom.current().nextInt(1_000_000);
        views = CaseView.COLLECTION + suffix;
        list = CaseList.COLLECTION + suffix;
        for (IndexDefinition index : CaseReadModel.MODEL.indexes().get(CaseView.COLLECTION)) {
            mongo.indexOps(views).ensureIndex(index).block();
        }
        IntStream.rangeClosed(1, 7).forEach(place -> mongo.insert(view("c" + place, (long) place), views).block());
        setLength(7);
    }

    @AfterEach
    void dropThem() {
        mongo.dropCollection(views).block();
        mongo.dropCollection(list).block();
    }

    private static Document view(String caseId, Long place) {
        Document view = new Document("_id", caseId).append("version", 0L).append("caseNumber", "N-" + caseId)
                .append("status", "REGISTERED").append("title", "路灯不亮");
        return place == null ? view : view.append(CaseList.POSITION, place);
    }

    private void setLength(long length) {
        mongo.getCollection(list).flatMap(target -> Mono.from(target.replaceOne(
                CaseList.lengthKey(), CaseList.lengthDocument(length),
                new ReplaceOptions().upsert(true)))).block();
    }

    private SearchPage page(int page, int size) {
        return newestFirst.page(views, list, page, size, T0, true).block();
    }

    private static List<String> ids(SearchPage page) {
        return page.items().stream().map(CaseSummary::caseId).toList();
    }

    @Test
    void pagesRunFromTheNewestPlaceToTheFirst() {
        SearchPage first = page(0, 3);
        assertThat(ids(first)).containsExactly("c7", "c6", "c5");
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(ids(page(1, 3))).containsExactly("c4", "c3", "c2");
        assertThat(ids(page(2, 3))).containsExactly("c1");
        assertThat(ids(page(3, 3))).isEmpty();
        assertThat(first.items().get(0).title()).isEqualTo("路灯不亮");
    }

    @Test
    void aListShorterThanTheViewsIsNotTrusted() {
        // a view made before the list existed, or a batch that stored its views and not yet the length
        mongo.insert(view("c0", null), views).block();

        assertThat(page(0, 3)).isNull();
    }

    @Test
    void aPlaceMissingFromThePageIsNotTrusted() {
        mongo.insert(view("c8", 9L), views).block();
        setLength(8);

        assertThat(page(0, 3)).isNull();
        assertThat(ids(page(1, 3))).containsExactly("c5", "c4", "c3");
    }

    @Test
    void aGenerationWithoutAListIsNotTrusted() {
        mongo.dropCollection(list).block();

        assertThat(page(0, 3)).isNull();
    }
}
