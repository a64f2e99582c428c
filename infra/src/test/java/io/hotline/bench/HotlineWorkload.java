package io.hotline.bench;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A hotline's day, compressed and seeded: most traffic is intake, half of it consultations answered on the spot;
 * then dispatch, sign, progress, reply, feedback and close on the cases registered earlier; dashboard and inbox
 * reads alongside. One dispatcher thread draws the operations from a seeded random source, so the sequence of
 * operations is the same on every run; a bounded number of requests is in flight at once.
 */
final class HotlineWorkload {

    static final List<String> UNITS = List.of("URBAN-MGMT", "MARKET-REG", "HOUSING", "TRANSPORT", "WATER");
    static final String OPERATOR = "op-bench";
    static final String PASSWORD = "bench-password-0001";

    record CaseAtUnit(String caseId, String unit) {
    }

    private final Http http;
    private final Random random;
    private final Semaphore inFlight;
    private final int concurrency;
    private final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CaseAtUnit> dispatched = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CaseAtUnit> handling = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CaseAtUnit> replied = new ConcurrentLinkedQueue<>();
    private final AtomicLong requestCounter = new AtomicLong();

    final Latencies intake = new Latencies();
    final Latencies otherCommands = new Latencies();
    final Latencies reads = new Latencies();
    final Latencies projectionLag = new Latencies();
    private static final int INDEX_LAG_EVERY = Integer.getInteger("bench.indexLagEvery", 100);
    /** From the 201 to the free-text search finding the case (the case index, fed by its own processor). */
    final Latencies indexLag = new Latencies();
    final AtomicLong registrations = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    HotlineWorkload(Http http, long seed, int concurrency) {
        this.http = http;
        this.random = new Random(seed);
        this.inFlight = new Semaphore(concurrency);
        this.concurrency = concurrency;
    }

    /** Runs the mix for the given time; returns when every request sent has been answered. */
    void run(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            next().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
    }

    private CompletableFuture<?> next() {
        int draw = random.nextInt(100);
        if (draw < 40) {
            return consultationResolvedAtIntake();
        }
        if (draw < 65) {
            return complaint();
        }
        if (draw < 75) {
            String caseId = registered.poll();
            return caseId == null ? complaint() : dispatch(caseId, UNITS.get(random.nextInt(UNITS.size())));
        }
        // a case is taken off its queue while a command on it is in flight, so two commands of the mix never race
        // on one case (a progress note sent while the reply is on its way would be refused, rightly)
        if (draw < 83) {
            CaseAtUnit at = dispatched.poll();
            return at == null ? complaint() : unitCommand(at, "sign", null).thenAccept(done(at, handling));
        }
        if (draw < 88) {
            CaseAtUnit at = handling.poll();
            return at == null ? complaint()
                    : unitCommand(at, "progress", "{\"note\":\"已派人现场查看\"}").thenAccept(done(at, handling));
        }
        if (draw < 93) {
            CaseAtUnit at = handling.poll();
            return at == null ? complaint()
                    : unitCommand(at, "reply", "{\"result\":\"SOLVED\",\"text\":\"已处理完毕\"}").thenAccept(done(at, replied));
        }
        if (draw < 97) {
            CaseAtUnit at = replied.poll();
            return at == null ? complaint() : feedbackAndClose(at.caseId());
        }
        if (draw < 99) {
            return read(OPERATOR, "/api/v1/metrics/summary");
        }
        String unit = UNITS.get(random.nextInt(UNITS.size()));
        return read(handler(unit), "/api/v1/inbox?unit=" + unit);
    }

    private CompletableFuture<?> consultationResolvedAtIntake() {
        return register("CONSULTATION").thenCompose(caseId -> caseId == null ? CompletableFuture.completedFuture(null)
                : command(OPERATOR, caseId, "resolve-at-intake", "{\"answer\":\"请携带身份证到社区服务中心办理\"}"));
    }

    private CompletableFuture<?> complaint() {
        return register(random.nextBoolean() ? "COMPLAINT" : "HELP").thenAccept(caseId -> {
            if (caseId != null) {
                registered.add(caseId);
            }
        });
    }

    private CompletableFuture<String> register(String category) {
        long n = requestCounter.incrementAndGet();
        boolean sampleLag = n % 25 == 0;
        String body = """
                {"requestId":"bench-%d-%d","channel":"HOTLINE","category":"%s","urgency":"NORMAL","title":"路灯不亮 %s",
                 "content":"小区门口路灯坏了三天，晚上出行不便，请尽快修复。","citizen":{"name":"张三","phone":"138%08d"},
                 "area":"3706%02d"}""".formatted(System.identityHashCode(this), n, category, token(n),
                n % 100_000_000, n % 13 + 1);
        long start = System.nanoTime();
        return http.post(OPERATOR, PASSWORD, "/api/v1/cases", body).thenCompose(answer -> {
            if (answer.status() != 201) {
                failures.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
            intake.record(start);
            registrations.incrementAndGet();
            String caseId = answer.caseId();
            if (!sampleLag) {
                return CompletableFuture.completedFuture(caseId);
            }
            // Stored at the 2xx; the view answers once the projection has the event (an upper bound: one more round trip).
            long stored = System.nanoTime();
            // the index's lag on fewer registrations (each is polled): 1 in INDEX_LAG_EVERY, 0 for none
            CompletableFuture<?> indexed = INDEX_LAG_EVERY > 0 && n % INDEX_LAG_EVERY == 0
                    ? untilFound(token(n), stored, System.nanoTime() + 10_000_000_000L)
                    : CompletableFuture.completedFuture(null);
            return http.get(OPERATOR, PASSWORD, "/api/v1/cases/" + caseId + "?atLeastVersion=0").thenApply(view -> {
                projectionLag.record(stored);
                return caseId;
            }).thenCombine(indexed, (id, ignored) -> id);
        });
    }

    /**
     * A word of latin letters found in no other case's title: the search finds this case by it and by nothing else
     * (letters, because a run of seven digits reads as a phone number and is never indexed).
     */
    private String token(long n) {
        long unique = (Integer.toUnsignedLong(System.identityHashCode(this)) << 24) + n;
        StringBuilder letters = new StringBuilder("k");
        do {
            letters.append((char) ('a' + unique % 26));
            unique /= 26;
        } while (unique > 0);
        return letters.toString();
    }

    /**
     * The case index's lag: asks the free-text search for the word of the case's own title every 50 ms until it is found
     * (an upper bound: up to 50 ms late), and gives up after {@code giveUp} (counted as a failure).
     */
    private CompletableFuture<?> untilFound(String token, long stored, long giveUp) {
        return http.get(OPERATOR, PASSWORD, "/api/v1/cases?size=1&q=" + token).thenCompose(answer -> {
            if (answer.status() == 200 && !answer.body().contains("\"total\":0")) {
                indexLag.record(stored);
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() > giveUp) {
                failures.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> untilFound(token, stored, giveUp));
        });
    }

    private CompletableFuture<?> dispatch(String caseId, String unit) {
        CaseAtUnit at = new CaseAtUnit(caseId, unit);
        return command(OPERATOR, caseId, "dispatch", "{\"leadUnit\":\"" + unit + "\"}").thenAccept(done(at, dispatched));
    }

    /** After a command on the case: onto the next queue when it was accepted; a refused one is counted, not reused. */
    private static Consumer<Http.Answer> done(CaseAtUnit at, Queue<CaseAtUnit> next) {
        return answer -> {
            if (answer.status() == 200) {
                next.add(at);
            }
        };
    }

    private CompletableFuture<?> feedbackAndClose(String caseId) {
        return command(OPERATOR, caseId, "feedback", "{\"channel\":\"PHONE\",\"satisfaction\":\"SATISFIED\",\"solved\":true}")
                .thenCompose(ignored -> command(OPERATOR, caseId, "close", null));
    }

    private CompletableFuture<Http.Answer> unitCommand(CaseAtUnit at, String action, String body) {
        return command(handler(at.unit()), at.caseId(), action, body);
    }

    private CompletableFuture<Http.Answer> command(String user, String caseId, String action, String body) {
        long start = System.nanoTime();
        return http.post(user, PASSWORD, "/api/v1/cases/" + caseId + "/" + action, body).thenApply(answer -> {
            if (answer.status() == 200) {
                otherCommands.record(start);
            } else {
                failures.incrementAndGet();
            }
            return answer;
        });
    }

    private CompletableFuture<?> read(String user, String path) {
        long start = System.nanoTime();
        return http.get(user, PASSWORD, path).thenAccept(answer -> reads.record(start));
    }

    static String handler(String unit) {
        return "h-" + unit.toLowerCase();
    }

    static void awaitQuietly(CompletableFuture<?> future) {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
