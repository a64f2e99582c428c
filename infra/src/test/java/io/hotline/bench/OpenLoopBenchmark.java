package io.hotline.bench;

import io.hotline.HotlineApplication;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The open-loop harness (see BENCHMARKS.md, "Open loop"): requests offered at fixed rates, latency from each
 * request's scheduled start ({@link OpenLoop}), for registrations alone and for the hotline mix on our engine, and
 * for registrations alone on Axon's stock MongoDB engine in the same run ({@link StockEngine}), each engine in a
 * fresh application on a fresh embedded file store. Writes {@code target/bench-open-loop-report.md} and the plot
 * {@code target/bench-open-loop.png}.
 */
class OpenLoopBenchmark {

    private static final Logger log = LoggerFactory.getLogger(OpenLoopBenchmark.class);
    private static final long SEED = 20261207L;
    /** Longer than the client's 60 s timeout: every request sent is answered or has failed when a rate ends. */
    private static final Duration DRAIN = Duration.ofSeconds(65);

    private final List<Integer> rates = Arrays.stream(System.getProperty("bench.openRates", "10,50,100,250,400")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private final Duration perRate = Duration.ofSeconds(Integer.getInteger("bench.openSeconds", 30));
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.openWarmupSeconds", 10));
    private final int cap = Integer.getInteger("bench.openInFlight", 512);
    private final List<String> engines = List.of(System.getProperty("bench.openEngines", "ours,stock,stock-durable")
            .split(","));
    /** The hotline mix on our engine after its registrations; false for a quick look at the engines alone. */
    private final boolean mix = Boolean.parseBoolean(System.getProperty("bench.openMix", "true"));
    private final List<String> report = new ArrayList<>();
    private final WriteCounter writes = new WriteCounter();
    private final Map<String, List<OpenLoop.Result>> lines = new LinkedHashMap<>();

    private record Engine(String key, String label, boolean stock, boolean durable) {
        static Engine of(String key) {
            return switch (key.trim()) {
                case "ours" -> new Engine("ours", "our commit log", false, true);
                case "stock" -> new Engine("stock", "Axon MongoEventStorageEngine", true, false);
                case "stock-durable" -> new Engine("stock-durable", "Axon MongoEventStorageEngine + file commit", true, true);
                default -> throw new IllegalArgumentException("bench.openEngines: unknown engine " + key);
            };
        }
    }

    @Test
    void run() throws Exception {
        Path dir = Files.createTempDirectory("hotline-open-loop");
        line("# Open-loop benchmark");
        line("");
        line("- machine: %d cores, max heap %d MiB, Java %s; load average at start %s".formatted(
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1 << 20),
                System.getProperty("java.version"), Machine.loadAverage()));
        line("- commit: " + Machine.commit());
        line("- schedule: offered %s /s, %d s each after a %d s warm-up at %d /s per application; in-flight cap %d; "
                .formatted(rates, perRate.toSeconds(), warmUp.toSeconds(), warmUpRate(), cap)
                + "latency from each request's scheduled start, successful answers only");
        Map<String, List<OpenLoop.Result>> byEngine = new LinkedHashMap<>();
        for (String key : engines) {
            Engine engine = Engine.of(key);
            try (ConfigurableApplicationContext app = start(dir.resolve(engine.key()), engine)) {
                Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                HotlineBenchmark.createAccounts(http);
                ProcessorErrors processorErrors = ProcessorErrors.attach();
                OpenLoop.run(warmUpRate(), warmUp, cap, DRAIN, new OpenLoopMix(http, SEED - 1, false)::register);
                List<OpenLoop.Result> alone = new ArrayList<>();
                OpenLoopMix registrations = null;
                List<String> written = new ArrayList<>();
                List<String> read = new ArrayList<>();
                for (int rate : rates) {
                    registrations = new OpenLoopMix(http, SEED + rate, false);
                    writes.reset();
                    OpenLoop.Result result = logged(engine, "registrations", OpenLoop.run(rate, perRate, cap, DRAIN,
                            registrations::register));
                    alone.add(result);
                    written.add(writesPerRegistration(rate, result));
                    read.add(readsPerRegistration(rate, result));
                }
                String caughtUp = caughtUp(http, registrations == null ? null : registrations.lastCase());
                byEngine.put(engine.label(), alone);
                lines.put(engine.label() + ", registrations", alone);
                registrationTable("Registrations alone, " + engine.label(), alone);
                line("");
                line("- %s: the view of the last registration answered %s".formatted(engine.label(), caughtUp));
                line("- %s: write commands to the store per registration, by collection (the processors' work "
                        .formatted(engine.label()) + "included, as it went on during each rate's run):");
                written.forEach(this::line);
                line("- %s: read commands per registration, by collection:".formatted(engine.label()));
                read.forEach(this::line);
                if (mix && !engine.stock()) {
                    mix(http, engine);
                    line("");
                }
                line("- %s: errors logged by the tracking processors: %s".formatted(engine.label(),
                        processorErrors.summary()));
            } catch (RuntimeException failed) {
                // the stock engine may not run on the embedded server: say what failed instead of a figure
                line("");
                line("**%s: failed** (%s)".formatted(engine.label(), causes(failed)));
                log.warn("open-loop run on {} failed", engine.label(), failed);
            }
            delete(dir.resolve(engine.key()));
        }
        ratios(byEngine);
        line("");
        line("- load average at end " + Machine.loadAverage());
        Path out = Path.of("target", "bench-open-loop-report.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        OpenLoopPlot.write(Path.of("target", "bench-open-loop.png"), lines);
        Files.delete(dir);
        log.info("Open-loop report written to {} with the plot target/bench-open-loop.png", out.toAbsolutePath());
    }

    /** An engine's data file is of no use after its runs, and a full run writes a few hundred MB per engine. */
    private static void delete(Path data) throws IOException {
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private int warmUpRate() {
        return Math.min(50, rates.stream().mapToInt(Integer::intValue).max().orElse(50));
    }

    /** One line: at {@code rate}, the write commands per registration achieved, by collection, the most first. */
    private String writesPerRegistration(int rate, OpenLoop.Result result) {
        return perRegistration(rate, result, writes.commandsByCollection());
    }

    /** The same for the read commands (finds, getMores, aggregations, counts). */
    private String readsPerRegistration(int rate, OpenLoop.Result result) {
        return perRegistration(rate, result, writes.readsByCollection());
    }

    private String perRegistration(int rate, OpenLoop.Result result, Map<String, Long> byCollection) {
        // every registration answered, the backlog drained after the schedule included (as the commands counted are)
        double registered = Math.max(1, result.latencies().count());
        double all = byCollection.values().stream().mapToLong(Long::longValue).sum() / registered;
        return "  - %d /s: %.1f in all; %s".formatted(rate, all, byCollection.entrySet().stream().limit(8)
                .map(entry -> "%s %.2f".formatted(entry.getKey(), entry.getValue() / registered))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private ConfigurableApplicationContext start(Path dataDir, Engine engine) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HotlineApplication.class);
        builder.initializers(context -> context.getBeanFactory().registerSingleton("benchWriteCounter",
                (MongoClientSettingsBuilderCustomizer) settings -> settings.addCommandListener(writes)));
        if (engine.stock()) {
            builder.initializers(StockEngine.initializer(engine.durable()));
        }
        return builder.run(HotlineBenchmark.arguments(dataDir));
    }

    /** Registrations at the offered rate, with the case work beside them on its own schedule and thread. */
    private void mix(Http http, Engine engine) {
        List<OpenLoop.Result> registered = new ArrayList<>();
        List<String> caseWork = new ArrayList<>();
        ExecutorService scheduler = Executors.newSingleThreadExecutor();
        try {
            for (int rate : rates) {
                OpenLoopMix mix = new OpenLoopMix(http, SEED + rate, true);
                int workRate = Math.max(1, Math.round(rate * 35 / 65f));
                CompletableFuture<OpenLoop.Result> work = CompletableFuture.supplyAsync(
                        () -> OpenLoop.run(workRate, perRate, cap, DRAIN, mix::caseWork), scheduler);
                registered.add(logged(engine, "mix registrations", OpenLoop.run(rate, perRate, cap, DRAIN, mix::register)));
                OpenLoop.Result done = work.join();
                mix.awaitFollowOns(DRAIN);
                Latencies commands = mix.commands.frozen();
                Latencies reads = mix.reads.frozen();
                long sent = done.due() - done.skipped() - done.overCap();
                caseWork.add("| %d | %d | %d | %s | %s | %s | %s | %s |".formatted(rate, workRate, sent,
                        ms(commands, 50), ms(commands, 99), ms(reads, 50), ms(reads, 99),
                        errors(done) + (mix.followOnFailures.sum() > 0
                                ? ", resolutions at intake failed " + mix.followOnFailures.sum() : "")));
            }
        } finally {
            scheduler.shutdown();
        }
        lines.put(engine.label() + ", hotline mix", registered);
        registrationTable("Hotline mix, " + engine.label() + ": registrations", registered);
        line("");
        line("### Hotline mix, %s: case work beside the registrations".formatted(engine.label()));
        line("");
        line("| registrations offered /s | case work offered /s | sent (a case was ready) | commands p50 ms "
                + "| commands p99 ms | reads p50 ms | reads p99 ms | errors |");
        line("|---|---|---|---|---|---|---|---|");
        caseWork.forEach(this::line);
    }

    private OpenLoop.Result logged(Engine engine, String workload, OpenLoop.Result result) {
        log.info("{} {} at {}/s: achieved {}/s, {}, errors {}", engine.label(), workload, result.offered(),
                "%.1f".formatted(result.achieved()), result.latencies().summary(), errors(result));
        return result;
    }

    private void registrationTable(String title, List<OpenLoop.Result> results) {
        line("");
        line("### " + title);
        line("");
        line("| offered /s | achieved /s | p50 ms | p90 ms | p99 ms | p99.9 ms | errors |");
        line("|---|---|---|---|---|---|---|");
        for (OpenLoop.Result r : results) {
            line("| %d | %.1f | %s | %s | %s | %s | %s |".formatted(r.offered(), r.achieved(), ms(r.latencies(), 50),
                    ms(r.latencies(), 90), ms(r.latencies(), 99), ms(r.latencies(), 99.9), errors(r)));
        }
    }

    /** Our engine as a ratio to each stock variant at each offered rate: above 1 is more throughput, below 1 less p99. */
    private void ratios(Map<String, List<OpenLoop.Result>> registrations) {
        List<OpenLoop.Result> ours = registrations.get(Engine.of("ours").label());
        registrations.forEach((label, stock) -> {
            if (ours == null || label.equals(Engine.of("ours").label())) {
                return;
            }
            line("");
            line("### Registrations alone: our commit log as a ratio to " + label);
            line("");
            line("| offered /s | achieved, ours / stock | p99, ours / stock |");
            line("|---|---|---|");
            for (int i = 0; i < Math.min(ours.size(), stock.size()); i++) {
                OpenLoop.Result a = ours.get(i);
                OpenLoop.Result b = stock.get(i);
                line("| %d | %s | %s |".formatted(a.offered(), ratio(a.achieved(), b.achieved()),
                        a.latencies().count() == 0 || b.latencies().count() == 0 ? "n/a"
                                : ratio(a.latencies().millisAt(99), b.latencies().millisAt(99))));
            }
        });
    }

    /**
     * How far the read models are behind when the registrations stop: the time from the end of the last rate until
     * the case view of its last registration answers. An engine whose projections fall behind makes every
     * registration cheaper (the views it would write and scan are not there yet), so this belongs beside its figures.
     */
    private static String caughtUp(Http http, String caseId) {
        if (caseId == null) {
            return "(no registration answered)";
        }
        long start = System.nanoTime();
        long limit = start + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < limit) {
            if (http.get(HotlineWorkload.OPERATOR, HotlineWorkload.PASSWORD, "/api/v1/cases/" + caseId).join()
                    .status() == 200) {
                return "%.1f s after the registrations stopped".formatted((System.nanoTime() - start) / 1e9);
            }
            LockSupport.parkNanos(100_000_000);
        }
        return "not within 120 s after the registrations stopped";
    }

    private static String ratio(double a, double b) {
        return b == 0 ? "n/a" : "%.2f".formatted(a / b);
    }

    private static String ms(Latencies latencies, double percentile) {
        return latencies.count() == 0 ? "–" : "%,.1f".formatted(latencies.millisAt(percentile));
    }

    private static String errors(OpenLoop.Result r) {
        if (r.errors() == 0) {
            return "0";
        }
        return "%d (failed %d, over the cap %d, unanswered %d)".formatted(r.errors(), r.failed(), r.overCap(),
                r.unanswered());
    }

    private static String causes(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 6; t = t.getCause()) {
            messages.add(t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
        }
        return String.join(" ← ", messages);
    }

    private void line(String text) {
        log.info(text);
        report.add(text);
    }
}
