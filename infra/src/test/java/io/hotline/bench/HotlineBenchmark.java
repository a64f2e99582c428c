package io.hotline.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.hotline.HotlineApplication;
import io.hotline.infra.mongo.EmbeddedMongoConfiguration.EmbeddedMongo;
import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseReadModel;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.readmodel.ReadModelProcessors;
import io.hotline.query.readmodel.ReadModelRegistry;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Semaphore;

/**
 * The benchmark harness (run with {@code ./mvnw -B -Pbench -pl infra -am verify}; see BENCHMARKS.md). Starts the
 * whole system on the embedded default (file backend) in this JVM, drives it over HTTP with a seeded hotline mix,
 * and prints: the store's raw ceiling, intake throughput and latency over HTTP and through the command gateway,
 * the documents the system writes per second, projection lag, query latency with 100,000 and 1,000,000 cases,
 * replay speed, and peak memory. Sizes can be lowered with system properties for a quick look
 * ({@code -Dbench.seconds=10 -Dbench.cases=20000 -Dbench.replayEvents=100000}).
 */
class HotlineBenchmark {

    private static final Logger log = LoggerFactory.getLogger(HotlineBenchmark.class);
    private static final long SEED = 20261122L;
    static final String ADMIN_PASSWORD = "bench-admin-password-0001";

    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final int concurrency = Integer.getInteger("bench.concurrency", 32);
    private final int smallStore = Integer.getInteger("bench.cases", 100_000);
    private final int largeStore = Integer.getInteger("bench.largeCases", smallStore * 10);
    private final int replayEvents = Integer.getInteger("bench.replayEvents", 1_000_000);
    /**
     * Caps that keep the whole harness inside its 15-minute budget by construction, whatever the machine: seeding
     * the case view (per store size), appending the replay log, and the rebuild itself. A phase that reaches its
     * cap stops there and says so; the figure it reports is measured over what it did.
     */
    private final Duration seedCap = Duration.ofSeconds(Integer.getInteger("bench.seedSeconds", 75));
    private final Duration appendCap = Duration.ofSeconds(Integer.getInteger("bench.appendSeconds", 100));
    private final Duration replayCap = Duration.ofSeconds(Integer.getInteger("bench.replaySeconds", 210));
    /** Ad-hoc searches scan on the embedded store: at most ten, and no more than this per store size. */
    private static final Duration SEARCH_CAP = Duration.ofSeconds(45);
    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Exception {
        Path dir = Files.createTempDirectory("hotline-bench");
        line("# Hotline benchmark, " + Instant.now());
        line("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version"));
        line("workload: seed " + SEED + ", " + concurrency + " requests in flight, " + seconds + " s measured"
                + ", read-model processor batch " + System.getProperty("bench.processorBatch", "").strip()
                .transform(batch -> batch.isEmpty() ? "default" : batch));

        StoreCeiling.Figures ceiling = StoreCeiling.measure(dir, Duration.ofSeconds(10));
        line("store ceiling: file backend %.0f single inserts/s; memory %.0f single inserts/s; memory %.0f docs/s in batches of 100"
                .formatted(ceiling.fileSingle(), ceiling.memorySingle(), ceiling.memoryBatched()));

        WriteCounter writes = new WriteCounter();
        try (ConfigurableApplicationContext app = start(dir.resolve("data"), writes)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            Http http = new Http(port);
            createAccounts(http);

            intakeOverHttp(http, writes, ceiling);
            intakeThroughTheGateway(app.getBean(CommandGateway.class));
            String mongoUri = app.getBean(EmbeddedMongo.class).connectionString().getConnectionString();
            try (MongoClient mongo = MongoClients.create(mongoUri)) {
                queryLatency(http, app, mongo);
                replay(http, app, writes);
            }
        }
        line("peak heap %d MiB, peak resident memory %s".formatted(peakHeapMiB(), peakResident()));
        Path out = Path.of("target", "bench-report.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        log.info("Benchmark report written to {}", out.toAbsolutePath());
    }

    private ConfigurableApplicationContext start(Path dataDir, WriteCounter writes) {
        return new SpringApplicationBuilder(HotlineApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchWriteCounter",
                        (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(writes)))
                // Arguments, not default properties: the app's own config files would win over those.
                .run(arguments(dataDir));
    }

    /** The application's start arguments in the harnesses (the open-loop harness starts it the same way). */
    static String[] arguments(Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--app.data-dir=" + dataDir,
                "--app.security.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN",
                "--logging.level.io.hotline.bench=INFO", "--app.deadlines.initial-delay=PT1H"));
        String processorBatch = System.getProperty("bench.processorBatch", "");
        if (!processorBatch.isBlank()) {
            arguments.add("--app.query.rebuild.batch-size=" + processorBatch.trim());
        }
        return arguments.toArray(String[]::new);
    }

    static void createAccounts(Http http) {
        account(http, HotlineWorkload.OPERATOR, "HOTLINE", "OPERATOR");
        for (String unit : HotlineWorkload.UNITS) {
            account(http, HotlineWorkload.handler(unit), unit, "UNIT_HANDLER");
        }
    }

    private static void account(Http http, String user, String unit, String role) {
        String body = "{\"username\":\"%s\",\"password\":\"%s\",\"unit\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(user, HotlineWorkload.PASSWORD, unit, role);
        Http.Answer answer = http.post("admin", ADMIN_PASSWORD, "/api/v1/admin/accounts", body).join();
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("cannot create account " + user + ": " + answer);
        }
    }

    private void intakeOverHttp(Http http, WriteCounter writes, StoreCeiling.Figures ceiling) throws Exception {
        new HotlineWorkload(http, SEED - 1, concurrency).run(Duration.ofSeconds(Math.min(10, seconds)));
        HotlineWorkload workload = new HotlineWorkload(http, SEED, concurrency);
        writes.reset();
        long start = System.nanoTime();
        workload.run(Duration.ofSeconds(seconds));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double written = writes.documents() / elapsed;
        line("intake over HTTP: %.0f registrations/s sustained for %.0f s; latency %s".formatted(
                workload.registrations.get() / elapsed, elapsed, workload.intake.summary()));
        line("other commands over HTTP: %s; reads (dashboard, inbox): %s; failures %d".formatted(
                workload.otherCommands.summary(), workload.reads.summary(), workload.failures.get()));
        line("projection lag (201 stored -> view answers, sampled 1 in 25): %s".formatted(workload.projectionLag.summary()));
        line("case index lag (201 stored -> free-text search finds it, polled every 50 ms, sampled 1 in 100): %s"
                .formatted(workload.indexLag.summary()));
        line("documents written by the system: %.0f/s (%d write commands); ratio to the file backend's single-insert ceiling %.2f"
                .formatted(written, writes.commands(), written / ceiling.fileSingle()));
    }

    private void intakeThroughTheGateway(CommandGateway commands) throws Exception {
        Latencies latencies = new Latencies();
        Semaphore inFlight = new Semaphore(concurrency);
        Actor operator = Actor.of("op-bench", "HOTLINE", Role.OPERATOR);
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(10, seconds / 2)).toNanos();
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            long sent = System.nanoTime();
            String requestId = "gw-" + n++;
            commands.send(new RegisterCase(CaseIds.forRequest(requestId), requestId, Channel.HOTLINE,
                    Category.CONSULTATION, Urgency.NORMAL, "咨询 " + n, "公积金提取需要哪些材料",
                    new Citizen("李四", "13900000000", null), "370602", operator)).whenComplete((result, failure) -> {
                latencies.record(sent);
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        line("intake through the command gateway (in-process, no HTTP): %.0f registrations/s; latency %s"
                .formatted(latencies.count() / elapsed, latencies.summary()));
    }

    private void queryLatency(Http http, ConfigurableApplicationContext app, MongoClient mongo) throws Exception {
        ReadModelGenerations generations = app.getBean(ReadModelGenerations.class);
        MongoCollection<Document> views = mongo.getDatabase("hotline")
                .getCollection(generations.liveCollection(CaseReadModel.MODEL, CaseView.COLLECTION));
        Document template = views.find(new Document("status", "CLOSED")).first();
        if (template == null) {
            template = views.find().first();
        }
        long present = views.countDocuments();
        for (int size : List.of(smallStore, largeStore)) {
            long start = System.nanoTime();
            present = seedViews(views, template, present, size, System.nanoTime() + seedCap.toNanos());
            line("seeded the case view to %d cases in %.0f s%s".formatted(present, (System.nanoTime() - start) / 1e9,
                    present < size ? " (stopped at the seeding cap of %d s, short of %d)".formatted(seedCap.toSeconds(), size) : ""));
            measureQueries(http, (int) present);
        }
    }

    private static long seedViews(MongoCollection<Document> views, Document template, long present, int target,
                                  long deadline) {
        List<Document> batch = new ArrayList<>(1000);
        for (long i = present; i < target; i++) {
            if (batch.isEmpty() && System.nanoTime() > deadline) {
                return i;
            }
            Document copy = new Document(template);
            // a copy made here takes no place on the case list (its places are unique and the projection's to give)
            copy.remove(CaseList.POSITION);
            copy.put("_id", "seed-" + i);
            copy.put("caseNumbers", List.of("20260101-" + i));
            batch.add(copy);
            if (batch.size() == 1000) {
                views.insertMany(batch);
                batch = new ArrayList<>(1000);
            }
        }
        if (!batch.isEmpty()) {
            views.insertMany(batch);
        }
        return Math.max(present, target);
    }

    private void measureQueries(Http http, int size) throws Exception {
        Random random = new Random(SEED + size);
        Latencies caseReads = new Latencies();
        Latencies inboxReads = new Latencies();
        Latencies dashboardReads = new Latencies();
        Latencies searches = new Latencies();
        Semaphore inFlight = new Semaphore(8);
        for (int i = 0; i < 3000; i++) {
            inFlight.acquire();
            int kind = i % 6;
            long start = System.nanoTime();
            CompletableFuture<Http.Answer> answer;
            Latencies into;
            if (kind < 3) {
                answer = http.get(HotlineWorkload.OPERATOR, HotlineWorkload.PASSWORD, "/api/v1/cases/seed-" + random.nextInt(size));
                into = caseReads;
            } else if (kind == 3) {
                String unit = HotlineWorkload.UNITS.get(random.nextInt(HotlineWorkload.UNITS.size()));
                answer = http.get(HotlineWorkload.handler(unit), HotlineWorkload.PASSWORD, "/api/v1/inbox?unit=" + unit);
                into = inboxReads;
            } else if (kind == 4) {
                answer = http.get(HotlineWorkload.OPERATOR, HotlineWorkload.PASSWORD, "/api/v1/metrics/summary");
                into = dashboardReads;
            } else {
                answer = http.get(HotlineWorkload.OPERATOR, HotlineWorkload.PASSWORD, "/api/v1/cases/seed-" + random.nextInt(size));
                into = caseReads;
            }
            Latencies target = into;
            answer.whenComplete((a, f) -> {
                target.record(start);
                inFlight.release();
            });
        }
        inFlight.acquire(8);
        // Ad-hoc search apart and one at a time: on the embedded store it scans the whole case view, and the
        // store serialises every query on a collection, so searches running beside the hot paths would measure
        // the scans' queue, not the hot paths.
        long searchDeadline = System.nanoTime() + SEARCH_CAP.toNanos();
        String searchNote = "";
        for (int i = 0; i < 10 && System.nanoTime() < searchDeadline; i++) {
            long start = System.nanoTime();
            try {
                http.get(HotlineWorkload.OPERATOR, HotlineWorkload.PASSWORD, "/api/v1/cases?q=%E8%B7%AF%E7%81%AF&size=20").join();
            } catch (java.util.concurrent.CompletionException timedOut) {
                // a scan longer than the client's 60 s: say so instead of failing the whole run
                searchNote = "; a search did not answer within the client's 60 s";
                break;
            }
            searches.record(start);
        }
        line("queries with %d cases: case %s; inbox %s; dashboard %s; ad-hoc search, alone, one at a time %s%s".formatted(
                size, caseReads.summary(), inboxReads.summary(), dashboardReads.summary(), searches.summary(),
                searchNote));
    }

    private void replay(Http http, ConfigurableApplicationContext app, WriteCounter writes) throws Exception {
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
        // Only the rebuilds should read the log: stop the live processors (Axon's and the live read-model
        // generations'), append the replay log, then rebuild every read model.
        processing.eventProcessors().values().forEach(processor -> processor.shutDown());
        ReadModelProcessors readModels = app.getBean(ReadModelProcessors.class);
        ReadModelGenerations generations = app.getBean(ReadModelGenerations.class);
        app.getBean(ReadModelRegistry.class).all().forEach(model -> readModels.processor(model, generations.live(model))
                .ifPresent(TrackingEventProcessor::shutDown));
        long start = System.nanoTime();
        long appended = appendEvents(engine, replayEvents, start + appendCap.toNanos());
        line("appended %d events (%d cases of 5) straight into the log in %.0f s%s".formatted(appended, appended / 5,
                (System.nanoTime() - start) / 1e9, appended < replayEvents
                        ? " (stopped at the append cap of %d s, short of %d)".formatted(appendCap.toSeconds(), replayEvents) : ""));
        long total = engine.createHeadToken().position().orElse(0) + 1;
        long rebuildStart = System.nanoTime();
        // the process's CPU time too: on a machine whose speed varies it compares runs better than the wall time
        long cpuStart = processCpuNanos();
        ThreadCpu threads = new ThreadCpu();
        writes.reset();
        List<String> models = app.getBean(ReadModelRegistry.class).all().stream().map(ReadModel::name).toList();
        for (String model : models) {
            Http.Answer answer = http.post("admin", ADMIN_PASSWORD, "/api/v1/admin/rebuild/" + model, null).join();
            if (answer.status() != 202) {
                throw new IllegalStateException("rebuild of " + model + " refused: " + answer);
            }
        }
        long deadline = rebuildStart + replayCap.toNanos();
        for (String model : models) {
            while (!rebuildState(http, model).contains("SWITCHED") && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
        double elapsed = (System.nanoTime() - rebuildStart) / 1e9;
        if (models.stream().allMatch(model -> rebuildState(http, model).contains("SWITCHED"))) {
            line("replay: rebuilt %s from %d events in %.0f s: %.0f events/s; process CPU %.0f s, %.2f ms per event"
                    .formatted(models, total, elapsed, total / elapsed, (processCpuNanos() - cpuStart) / 1e9,
                            (processCpuNanos() - cpuStart) / 1e6 / total));
            line("replay: CPU ms per event by kind of thread: " + threads.perEvent(total));
            line(("replay: store commands per 1,000 events: %d documents written (%s) in %s write commands (%s); %s "
                    + "reads (%s)").formatted(writes.documents() * 1000 / total,
                            byCollection(writes.documentsByCollection(), total),
                            perThousand(writes.commandsByCollection(), total),
                            byCollection(writes.commandsByCollection(), total),
                            perThousand(writes.readsByCollection(), total), byCollection(writes.readsByCollection(), total)));
            return;
        }
        // The cap: the slowest read model's progress over the time spent, measured on what it did.
        long done = models.stream().mapToLong(model -> eventsDone(rebuildState(http, model))).min().orElse(0);
        line(("replay: stopped at the replay cap of %d s, %d of %d events rebuilt in every read model %s: %.0f events/s "
                + "(measured over what it did, not a whole rebuild)").formatted(replayCap.toSeconds(), done, total, models,
                done / elapsed));
    }

    private static String perThousand(Map<String, Long> byCollection, long events) {
        return String.valueOf(byCollection.values().stream().mapToLong(Long::longValue).sum() * 1000 / events);
    }

    private static String byCollection(Map<String, Long> byCollection, long events) {
        return byCollection.entrySet().stream().limit(8)
                .map(entry -> "%s %.1f".formatted(entry.getKey(), entry.getValue() * 1000.0 / events))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String rebuildState(Http http, String model) {
        return http.get("admin", ADMIN_PASSWORD, "/api/v1/admin/rebuild/" + model).join().body();
    }

    private static long eventsDone(String progress) {
        Matcher done = Pattern.compile("\"eventsDone\"\\s*:\\s*(\\d+)").matcher(progress);
        return done.find() ? Long.parseLong(done.group(1)) : 0;
    }

    private static long appendEvents(EventStorageEngine engine, int events, long deadline) {
        Actor operator = Actor.of("op-bench", "HOTLINE", Role.OPERATOR);
        Actor handler = Actor.of("h-water", "WATER", Role.UNIT_HANDLER);
        Instant t = Instant.parse("2026-10-12T01:00:00Z");
        long appended = 0;
        int batchCases = 500; // 2,500 events in one insertMany: one round trip and one file commit
        for (int c = 0; appended < events && System.nanoTime() < deadline; c += batchCases) {
            List<EventMessage<?>> batch = new ArrayList<>(batchCases * 5);
            for (int i = c; i < c + batchCases; i++) {
                String id = "replay-" + i;
                Instant at = t.plusSeconds(i % 86_400);
                Deadline signFor = new Deadline(DeadlineKind.SIGN_FOR, at, at.plusSeconds(6 * 3600), at.plusSeconds(8 * 3600));
                Deadline completion = new Deadline(DeadlineKind.COMPLETION, at, at.plusSeconds(8 * 86_400), at.plusSeconds(10 * 86_400));
                List<Object> story = List.of(
                        new CaseRegistered(id, "20261012-" + i, "replay-" + i, Channel.HOTLINE, Category.COMPLAINT,
                                Urgency.NORMAL, "水管破裂", "小区水管破裂", new Citizen("王五", "13700000000", null), "370602",
                                operator, at),
                        new CaseDispatched(id, "WATER", List.of(), "WATER", false, signFor, operator, at),
                        new CaseSignedFor(id, "WATER", true, completion, handler, at.plusSeconds(600)),
                        new CaseReplied(id, "WATER", ReplyResult.SOLVED, "已修复", true, handler, at.plusSeconds(7200)),
                        new FeedbackRecorded(id, FeedbackChannel.PHONE, Satisfaction.SATISFIED, true, true, null,
                                operator, at.plusSeconds(86_400)));
                for (int seq = 0; seq < story.size(); seq++) {
                    batch.add(new GenericDomainEventMessage<>("Case", id, seq, story.get(seq)));
                }
            }
            engine.appendEvents(batch);
            appended += batch.size();
        }
        return appended;
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum() / (1 << 20);
    }

    private static String peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).map(l -> l.replace("VmHWM:", "").trim())
                    .findFirst().orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String text) {
        log.info(text);
        report.add(text);
    }
}
