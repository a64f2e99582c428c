package io.hotline.privacy;

import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole app on the embedded store on a random port, signed in for real, shared by the personal-data and
 * bad-input tests (one context: they use their own accounts, units and phone numbers), with the metrics exported
 * as in production so a test can read the Prometheus scrape.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.query.rebuild.check-interval=1s",
        "app.query.rebuild.retire-after=1s"})
abstract class WholeApp {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("app.data-dir", WholeApp::tempDir);
        TestAccounts.configure(registry);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("hotline-privacy-it").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected MongoDatabaseFactory mongo;

    /** A case's stored commit documents, as JSON, in order. */
    protected List<String> storedCommits(String caseId) {
        List<String> commits = new ArrayList<>();
        mongo.getMongoDatabase().getCollection("events").find(new Document("aggregateId", caseId))
                .sort(new Document("firstSeq", 1)).forEach(commit -> commits.add(commit.toJson()));
        return commits;
    }

    /** Every document of a collection as JSON, for looking for what must not be there. */
    protected String everything(String collection) {
        StringBuilder all = new StringBuilder();
        mongo.getMongoDatabase().getCollection(collection).find().forEach(document -> all.append(document.toJson()));
        return all.toString();
    }

    protected long eventCommits() {
        return mongo.getMongoDatabase().getCollection("events").countDocuments();
    }
}
