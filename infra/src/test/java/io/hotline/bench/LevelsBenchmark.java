package io.hotline.bench;

import io.hotline.HotlineApplication;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.figures.ledger.FigureCollections;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.ledger.FigureStore;
import io.hotline.query.inbox.Inbox;
import io.hotline.query.inbox.InboxEntry;
import io.hotline.query.readmodel.ReadModelGenerations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Figures by level at a large city's size (issue 20: about 2,000 units on five levels, 1,000,000 cases): a unit's
 * inbox, a district's rolled-up figures (the subtree search's stand-in: the case search has no subtree filter
 * here), and the rolled-up dashboards of a district and of the city, p50/p99 over HTTP on the embedded default
 * (file backend). Run with
 * {@code ./mvnw -B -Pbench -pl infra -am verify -Dtest=LevelsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.levelCases=}, {@code -Dbench.levelSeedSeconds=}, {@code -Dbench.levelQueries=}); writes
 * {@code target/bench-levels-report.md}. See BENCHMARKS.md.
 * <p>
 * The directory is imported over the API. The cases are not replayed through the log (a million cases are some
 * eight million events, hours of rebuild on this store): each case's events go through the figures' own facts and
 * contribution code in this JVM (see {@link LevelsWorkload}), the buckets are summed and written once each through
 * the application's figure store, and the open cases' inbox documents are written as the projection keeps them.
 */
class LevelsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(LevelsBenchmark.class);
    private static final String ADMIN_PASSWORD = "bench-admin-password-0001";
    private static final String PASSWORD = "bench-password-0001";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DAYS = Integer.getInteger("bench.levelDays", 30);

    private final int cases = Integer.getInteger("bench.levelCases", 1_000_000);
    private final Duration seedCap = Duration.ofSeconds(Integer.getInteger("bench.levelSeedSeconds", 300));
    private final int queries = Integer.getInteger("bench.levelQueries", 300);
    /** Each kind of request stops after this long, whatever it reached (the report gives n). */
    private final Duration kindCap = Duration.ofSeconds(Integer.getInteger("bench.levelKindSeconds", 120));
    private final List<String> report = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @Test
    void run() throws Exception {
        // -Dbench.levelData=<folder>: keep the store there and, when it was seeded before, start on it and measure
        // the requests again without seeding (seeding a million cases takes most of the run; the requests want a
        // quiet machine)
        String kept = System.getProperty("bench.levelData");
        Path dir = kept == null ? Files.createTempDirectory("hotline-levels-bench") : Files.createDirectories(Path.of(kept));
        Path seededMark = dir.resolve("seeded.txt");
        line("# Levels benchmark, " + Instant.now());
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HotlineApplication.class)
                .run("--server.port=0", "--app.data-dir=" + dir.resolve("data"),
                        "--app.security.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN",
                        "--logging.level.io.hotline.bench=INFO", "--app.deadlines.initial-delay=PT1H")) {
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            LocalDate today = LocalDate.now(ZONE);
            long seeded;
            if (Files.exists(seededMark)) {
                String[] mark = Files.readString(seededMark).trim().split(" ");
                seeded = Long.parseLong(mark[0]);
                today = LocalDate.parse(mark[1]);
                line("store kept in %s: %,d cases seeded before, as of %s (no seeding)".formatted(dir, seeded, today));
            } else {
                importDirectory();
                LevelsWorkload workload = new LevelsWorkload(ZONE, today.minusDays(DAYS), DAYS);
                seeded = generate(workload);
                write(app, workload);
                if (kept != null) {
                    Files.writeString(seededMark, seeded + " " + today);
                }
            }
            account("bench-operator", "HOTLINE", "OPERATOR");
            List<String> streets = new ArrayList<>();
            Random random = new Random(20261207L);
            for (int i = 0; i < 20; i++) {
                String street = LevelsWorkload.street(1 + random.nextInt(LevelsWorkload.DISTRICTS),
                        1 + random.nextInt(LevelsWorkload.STREETS));
                if (!streets.contains(street)) {
                    account("h-" + street.toLowerCase(), street, "UNIT_HANDLER");
                    streets.add(street);
                }
            }
            measure(seeded, streets, today);
        }
        Path out = Path.of("target", "bench-levels-report.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        log.info("Levels benchmark report written to {}", out.toAbsolutePath());
    }

    private void importDirectory() throws Exception {
        long start = System.nanoTime();
        for (String file : LevelsWorkload.directoryCsv()) {
            HttpResponse<String> imported = send(request("admin", ADMIN_PASSWORD, "/api/v1/admin/units/import")
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8)).build()).join();
            if (imported.statusCode() / 100 != 2) {
                throw new IllegalStateException("directory import refused: " + imported.statusCode() + " " + imported.body());
            }
        }
        String last = LevelsWorkload.community(LevelsWorkload.DISTRICTS, LevelsWorkload.STREETS,
                LevelsWorkload.COMMUNITIES);
        while (send(request("admin", ADMIN_PASSWORD, "/api/v1/units/" + last).GET().build()).join().statusCode() != 200) {
            Thread.sleep(200);
        }
        line("directory: %d units (16 districts × 12 streets × 9 communities, 40 departments, 20 utilities) imported (17 files) and projected in %.1f s"
                .formatted(LevelsWorkload.unitCount(), (System.nanoTime() - start) / 1e9));
    }

    private long generate(LevelsWorkload workload) {
        long start = System.nanoTime();
        long deadline = start + seedCap.toNanos();
        long i = 0;
        while (i < cases && (i % 10_000 != 0 || System.nanoTime() < deadline)) {
            workload.add(i++);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        line("cases: %,d over %d days (%s), their events through the figures' facts and contributions in %.0f s (%,.0f cases/s); %d inboxes with open cases"
                .formatted(i, DAYS, i < cases ? "stopped at the seeding cap of %d s, short of %,d".formatted(
                        seedCap.toSeconds(), cases) : "all", seconds, i / seconds, workload.inboxes.size()));
        // each cell is added to 2 periods × 8 combinations, and 2 × 4 subtree buckets per ancestor of its unit
        line("the subtree buckets add %.0f %% to the bucket updates per event (%.2f ancestors per cell)"
                .formatted(100.0 * 8 * workload.ancestorCells / (16.0 * workload.cells),
                        (double) workload.ancestorCells / workload.cells));
        return i;
    }

    /**
     * Inserts the bucket documents in the figure store's own shape ({@code _id}, a field per count, the histogram
     * under {@code h}, {@code last}) in batches of 1,000: each bucket is new, so an insert does what the projection's
     * {@code $inc} upsert would, without a lookup per bucket. The key index goes through the figure store.
     */
    private void write(ConfigurableApplicationContext app, LevelsWorkload workload) {
        long start = System.nanoTime();
        Map<String, Tally> buckets = workload.buckets();
        ReactiveMongoTemplate mongo = app.getBean(ReactiveMongoTemplate.class);
        ReadModelGenerations generations = app.getBean(ReadModelGenerations.class);
        String bucketCollection = generations.liveCollection(FigureCollections.MODEL, FigureCollections.BUCKETS);
        List<Document> batch = new ArrayList<>();
        for (Map.Entry<String, Tally> bucket : buckets.entrySet()) {
            Document document = new Document("_id", bucket.getKey());
            bucket.getValue().nonZeroCounts().forEach(document::append);
            if (!bucket.getValue().bins().isEmpty()) {
                Document histogram = new Document();
                bucket.getValue().bins().forEach((bin, count) -> histogram.append(Integer.toString(bin), count));
                document.append("h", histogram);
            }
            batch.add(document.append("last", 0L));
            if (batch.size() == 1_000) {
                mongo.getCollection(bucketCollection).flatMap(c -> Mono.from(c.insertMany(batch))).block();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.getCollection(bucketCollection).flatMap(c -> Mono.from(c.insertMany(batch))).block();
        }
        FigureStore store = app.getBean("liveFigures", FigureStore.class);
        List<KeyIndex> indexes = new ArrayList<>();
        workload.keys.forEach((period, values) -> indexes.add(new KeyIndex(period, values[0], values[1], values[2],
                values[3])));
        store.index(indexes).block();
        double bucketSeconds = (System.nanoTime() - start) / 1e9;
        String collection = generations.liveCollection(CaseReadModel.MODEL, Inbox.COLLECTION);
        List<Inbox> inboxes = new ArrayList<>();
        long entries = 0;
        for (Map.Entry<String, List<InboxEntry>> inbox : workload.inboxes.entrySet()) {
            List<InboxEntry> sorted = new ArrayList<>(inbox.getValue());
            sorted.sort(Comparator.comparing(InboxEntry::caseId));
            inboxes.add(new Inbox(inbox.getKey(), sorted));
            entries += sorted.size();
        }
        mongo.insert(inboxes, collection).then().block();
        line("written: %,d buckets and %d key-index documents (buckets inserted in batches of 1,000, the key index through the figure store) in %.0f s (%,.0f buckets/s); %d inbox documents, %,d open-case entries (the largest %d)"
                .formatted(buckets.size(), indexes.size(), bucketSeconds, buckets.size() / bucketSeconds, inboxes.size(), entries,
                        workload.inboxes.values().stream().mapToInt(List::size).max().orElse(0)));
    }

    private void measure(long seeded, List<String> streets, LocalDate today) throws Exception {
        String month = "from=" + today.minusDays(DAYS) + "&to=" + today.minusDays(1);
        Random random = new Random(7);
        IntFunction<String> district = any -> LevelsWorkload.district(1 + random.nextInt(LevelsWorkload.DISTRICTS));
        line("");
        line("| p50 / p99 over HTTP, %,d cases, %d units, %d requests each, 4 in flight | ms |"
                .formatted(seeded, LevelsWorkload.unitCount(), queries));
        line("|---|---|");
        time("a street's inbox (`GET /api/v1/inbox?unit=`)", any -> {
            String street = streets.get(random.nextInt(streets.size()));
            return List.of(get("h-" + street.toLowerCase(), "/api/v1/inbox?unit=" + street));
        });
        time("a unit alone, %d days (`summary?unit=`)".formatted(DAYS), any -> List.of(
                get("bench-operator", "/api/v1/metrics/summary?" + month + "&unit=" + district.apply(0))));
        time("a district's subtree figures, %d days (`summary?unit=&subtree=true`, 121 units)".formatted(DAYS), any -> List.of(
                get("bench-operator", "/api/v1/metrics/summary?" + month + "&subtree=true&unit=" + district.apply(0))));
        time("a district's subtree figures, month so far (default range)", any -> List.of(
                get("bench-operator", "/api/v1/metrics/summary?subtree=true&unit=" + district.apply(0))));
        time("a district's dashboard, %d days (subtree summary + daily series + its streets' ranking, in parallel)".formatted(DAYS),
                any -> {
                    String d = district.apply(0);
                    return List.of(get("bench-operator", "/api/v1/metrics/summary?" + month + "&subtree=true&unit=" + d),
                            get("bench-operator", "/api/v1/metrics/series?" + month + "&subtree=true&unit=" + d),
                            get("bench-operator", "/api/v1/metrics/ranking?" + month + "&level=STREET&parent=" + d));
                });
        time("the city's dashboard, %d days (summary + daily series + the districts' ranking, in parallel)".formatted(DAYS), any -> List.of(
                get("bench-operator", "/api/v1/metrics/summary?" + month),
                get("bench-operator", "/api/v1/metrics/series?" + month),
                get("bench-operator", "/api/v1/metrics/ranking?" + month + "&level=DISTRICT")));
        time("the whole ranking, %d days (every peer group, every unit rolled up)".formatted(DAYS), any -> List.of(
                get("bench-operator", "/api/v1/metrics/ranking?" + month)));
    }

    /** Runs {@code queries} requests (after 10 to warm up), 4 in flight, and reports when each one's calls all answered. */
    private void time(String label, IntFunction<List<CompletableFuture<HttpResponse<String>>>> call) throws Exception {
        for (int i = 0; i < 10; i++) {
            CompletableFuture.allOf(call.apply(i).toArray(CompletableFuture[]::new)).join();
        }
        Latencies latencies = new Latencies();
        Semaphore inFlight = new Semaphore(4);
        List<String> failures = new ArrayList<>();
        long stop = System.nanoTime() + kindCap.toNanos();
        for (int i = 0; i < queries && System.nanoTime() < stop; i++) {
            inFlight.acquire();
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = call.apply(i);
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((done, failed) -> {
                latencies.record(start);
                calls.stream().map(CompletableFuture::join).filter(answer -> answer.statusCode() != 200).findFirst()
                        .ifPresent(answer -> failures.add(answer.statusCode() + " " + answer.body()));
                inFlight.release();
            });
        }
        inFlight.acquire(4);
        line("| %s | %s / %s (n=%d)%s |".formatted(label, latencies.millis(50), latencies.millis(99), latencies.count(),
                failures.isEmpty() ? "" : " (" + failures.size() + " failed: " + failures.get(0) + ")"));
    }

    private CompletableFuture<HttpResponse<String>> get(String user, String path) {
        return send(request(user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD, path).GET().build());
    }

    private void account(String user, String unit, String role) {
        String body = "{\"username\":\"%s\",\"password\":\"%s\",\"unit\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(user, PASSWORD, unit, role);
        HttpResponse<String> answer = send(request("admin", ADMIN_PASSWORD, "/api/v1/admin/accounts")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()).join();
        if (answer.statusCode() / 100 != 2 && answer.statusCode() != 409) { // 409: made by an earlier run
            throw new IllegalStateException("cannot create account " + user + ": " + answer.body());
        }
    }

    private HttpRequest.Builder request(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + basic);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void line(String text) {
        log.info(text);
        report.add(text);
    }

}
