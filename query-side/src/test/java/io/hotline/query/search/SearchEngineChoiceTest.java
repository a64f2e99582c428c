package io.hotline.query.search;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.hotline.query.fulltext.FullTextProperties;
import io.hotline.query.fulltext.IndexFolders;
import io.hotline.query.fulltext.OpenSearchProperties;
import io.hotline.query.personal.PhoneHasher;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code app.query.fulltext.engine} chooses which adapter answers the search port: Lucene on this node unless told
 * otherwise, so the default start needs no OpenSearch; {@code opensearch} and the cluster's address make the
 * OpenSearch adapter the only one, and it answers from the cluster.
 */
class SearchEngineChoiceTest {

    private final MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:1"); // never reached
    private final EmbeddedEventStore log = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void close() {
        log.shutDown();
        mongo.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({FullTextProperties.class, OpenSearchProperties.class})
    static class Settings {
    }

    private ApplicationContextRunner application(Path folder) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, CaseIndex.class, OpenSearchCaseIndex.class)
                .withBean(IndexFolders.class, () -> new IndexFolders(folder))
                .withBean(PhoneHasher.class, () -> IndexedCases.PHONES)
                .withBean(ReactiveMongoTemplate.class, () -> new ReactiveMongoTemplate(mongo, "choice"))
                .withBean(EmbeddedEventStore.class, () -> log);
    }

    @Test
    void luceneOnThisNodeUnlessToldOtherwise(@TempDir Path folder) {
        application(folder).run(context -> {
            assertThat(context).hasSingleBean(CaseSearchEngine.class).hasSingleBean(CaseIndex.class)
                    .doesNotHaveBean(OpenSearchCaseIndex.class);
            assertThat(folder.resolve("cases")).isDirectory();
        });
        application(folder).withPropertyValues("app.query.fulltext.engine=lucene")
                .run(context -> assertThat(context).hasSingleBean(CaseIndex.class)
                        .doesNotHaveBean(OpenSearchCaseIndex.class));
    }

    @Test
    void openSearchWhenConfigured(@TempDir Path folder) {
        String url = OpenSearchNode.url();
        assumeTrue(url != null, () -> "no OpenSearch node could start in this JVM: " + OpenSearchNode.failure());

        application(folder).withPropertyValues("app.query.fulltext.engine=opensearch",
                        "app.query.fulltext.opensearch.url=" + url, "app.query.fulltext.opensearch.index=choice")
                .run(context -> {
                    assertThat(context).hasSingleBean(CaseSearchEngine.class)
                            .hasSingleBean(OpenSearchCaseIndex.class).doesNotHaveBean(CaseIndex.class);
                    CaseSearchEngine engine = context.getBean(CaseSearchEngine.class);
                    assertThat(engine.feed().index().name()).isEqualTo("choice-" + CaseDocuments.LAYOUT);
                    assertThat(engine.search(new CaseFilter(null, null, null, null, null, null, null, null, null,
                            "路灯", null, null, null, null), Instant.now(), 0, 10, null).total()).isZero();
                });
        assertThat(folder.resolve("cases")).doesNotExist();
    }
}
