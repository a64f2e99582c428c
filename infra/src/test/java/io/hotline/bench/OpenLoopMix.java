package io.hotline.bench;

import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import static io.hotline.bench.HotlineWorkload.OPERATOR;
import static io.hotline.bench.HotlineWorkload.PASSWORD;
import static io.hotline.bench.HotlineWorkload.UNITS;
import static io.hotline.bench.HotlineWorkload.handler;

/**
 * The requests of the open-loop harness, in {@link HotlineWorkload}'s proportions but as two schedules, so that
 * registrations arrive at exactly the offered rate: the registration stream (40 of 65 consultations resolved at
 * intake, the rest complaints and requests for help left for the units) and the case-work stream at 35/65 of the
 * offered rate (dispatch 10, sign 8, progress 5, reply 5, feedback and close 4, dashboard read 2, inbox read 1, of
 * 35). A case-work request whose queue holds no case ready for it is not sent (counted as skipped). A resolution at
 * intake is due when its registration is answered, and its latency runs from then. Each stream draws from its own
 * seeded random source on its own scheduling thread, so the sequence is the same on every run.
 */
final class OpenLoopMix {

    private static final AtomicLong RUNS = new AtomicLong();

    private final Http http;
    private final boolean followOn;
    private final long run = RUNS.incrementAndGet();
    private final Random registrationDraws;
    private final Random caseWorkDraws;
    private final AtomicLong requests = new AtomicLong();
    private final Queue<HotlineWorkload.CaseAtUnit> dispatched = new ConcurrentLinkedQueue<>();
    private final Queue<HotlineWorkload.CaseAtUnit> handling = new ConcurrentLinkedQueue<>();
    private final Queue<HotlineWorkload.CaseAtUnit> replied = new ConcurrentLinkedQueue<>();
    private final Queue<String> registered = new ConcurrentLinkedQueue<>();

    /** Latency of the commands other than registrations and of the reads, from when each was due. */
    final Latencies commands = new Latencies();
    final Latencies reads = new Latencies();
    /** Resolutions at intake that failed (they are not on a schedule, so they are counted here). */
    final LongAdder followOnFailures = new LongAdder();
    private final AtomicInteger followOnsInFlight = new AtomicInteger();
    private final AtomicReference<String> lastCase = new AtomicReference<>();

    /** {@code followOn}: whether registrations feed the case work (the mix) or stand alone. */
    OpenLoopMix(Http http, long seed, boolean followOn) {
        this.http = http;
        this.followOn = followOn;
        this.registrationDraws = new Random(seed);
        this.caseWorkDraws = new Random(seed + 1);
    }

    CompletableFuture<Boolean> register(long due) {
        boolean consultation = registrationDraws.nextInt(65) < 40;
        String category = consultation ? "CONSULTATION" : registrationDraws.nextBoolean() ? "COMPLAINT" : "HELP";
        long n = requests.incrementAndGet();
        String body = """
                {"requestId":"open-%d-%d-%d","channel":"HOTLINE","category":"%s","urgency":"NORMAL","title":"路灯不亮 %d",
                 "content":"小区门口路灯坏了三天，晚上出行不便，请尽快修复。","citizen":{"name":"张三","phone":"139%08d"},
                 "area":"3706%02d"}""".formatted(ProcessHandle.current().pid(), run, n, category, n,
                n % 100_000_000, n % 13 + 1);
        return http.post(OPERATOR, PASSWORD, "/api/v1/cases", body).thenApply(answer -> {
            if (answer.status() != 201) {
                return false;
            }
            lastCase.set(answer.caseId());
            if (followOn && consultation) {
                resolveAtIntake(answer.caseId());
            } else if (followOn) {
                registered.add(answer.caseId());
            }
            return true;
        });
    }

    private void resolveAtIntake(String caseId) {
        long due = System.nanoTime();
        followOnsInFlight.incrementAndGet();
        command(OPERATOR, caseId, "resolve-at-intake", "{\"answer\":\"请携带身份证到社区服务中心办理\"}", due)
                .whenComplete((ok, failure) -> {
                    if (failure != null || !ok) {
                        followOnFailures.increment();
                    }
                    followOnsInFlight.decrementAndGet();
                });
    }

    /** Waits for the resolutions at intake still in flight (they are on no schedule), at most {@code limit}. */
    void awaitFollowOns(Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (followOnsInFlight.get() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(5_000_000);
        }
    }

    /** The case registered last (by the time of its answer), or null. */
    String lastCase() {
        return lastCase.get();
    }

    /** The case-work request due now, or null when no case is ready for the one drawn. */
    CompletableFuture<Boolean> caseWork(long due) {
        int draw = caseWorkDraws.nextInt(35);
        String unit = UNITS.get(caseWorkDraws.nextInt(UNITS.size()));
        if (draw < 10) {
            String caseId = registered.poll();
            return caseId == null ? null : unitStep(new HotlineWorkload.CaseAtUnit(caseId, unit), OPERATOR, "dispatch",
                    "{\"leadUnit\":\"" + unit + "\"}", dispatched, due);
        }
        // a case is off its queue while a command on it is in flight: two commands never race on one case
        if (draw < 18) {
            HotlineWorkload.CaseAtUnit at = dispatched.poll();
            return at == null ? null : unitStep(at, handler(at.unit()), "sign", null, handling, due);
        }
        if (draw < 23) {
            HotlineWorkload.CaseAtUnit at = handling.poll();
            return at == null ? null
                    : unitStep(at, handler(at.unit()), "progress", "{\"note\":\"已派人现场查看\"}", handling, due);
        }
        if (draw < 28) {
            HotlineWorkload.CaseAtUnit at = handling.poll();
            return at == null ? null : unitStep(at, handler(at.unit()), "reply",
                    "{\"result\":\"SOLVED\",\"text\":\"已处理完毕\"}", replied, due);
        }
        if (draw < 32) {
            HotlineWorkload.CaseAtUnit at = replied.poll();
            return at == null ? null : post(OPERATOR, at.caseId(), "feedback",
                    "{\"channel\":\"PHONE\",\"satisfaction\":\"SATISFIED\",\"solved\":true}")
                    .thenCompose(ok -> ok ? command(OPERATOR, at.caseId(), "close", null, due)
                            : CompletableFuture.completedFuture(false));
        }
        if (draw < 34) {
            return read(OPERATOR, "/api/v1/metrics/summary", due);
        }
        return read(handler(unit), "/api/v1/inbox?unit=" + unit, due);
    }

    /** A command that moves the case on to {@code next} when accepted; a refused case is not reused. */
    private CompletableFuture<Boolean> unitStep(HotlineWorkload.CaseAtUnit at, String user, String action, String body,
                                                Queue<HotlineWorkload.CaseAtUnit> next, long due) {
        return command(user, at.caseId(), action, body, due).thenApply(ok -> {
            if (ok) {
                next.add(at);
            }
            return ok;
        });
    }

    private CompletableFuture<Boolean> command(String user, String caseId, String action, String body, long due) {
        return post(user, caseId, action, body).thenApply(ok -> {
            if (ok) {
                commands.record(due);
            }
            return ok;
        });
    }

    private CompletableFuture<Boolean> post(String user, String caseId, String action, String body) {
        return http.post(user, PASSWORD, "/api/v1/cases/" + caseId + "/" + action, body)
                .thenApply(answer -> answer.status() == 200);
    }

    private CompletableFuture<Boolean> read(String user, String path, long due) {
        return http.get(user, PASSWORD, path).thenApply(answer -> {
            boolean ok = answer.status() == 200;
            if (ok) {
                reads.record(due);
            }
            return ok;
        });
    }
}
