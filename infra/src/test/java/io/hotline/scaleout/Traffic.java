package io.hotline.scaleout;

import io.hotline.scaleout.NodeClient.NodeUnreachable;
import io.hotline.scaleout.NodeClient.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The operators' traffic of a failure test: a fixed number of cases, each living one short story told through
 * both nodes at once where that makes a race (the same registration or dispatch sent to both, personal-data
 * reveals spread over both). Every 2xx is written down as an {@link Ack}: the promise the audit then holds the
 * log and the read models to. A node that stops answering is left alone from then on; a request it did not
 * answer is retried on the other node only when repeating it cannot do it twice (registration is idempotent by
 * request id, a state change is refused once done), never for a reveal.
 */
final class Traffic {

    private static final Logger log = LoggerFactory.getLogger(Traffic.class);

    /** The short life each case gets, chosen by its number. Only operator commands: no unit signs in yet. */
    enum Story {
        /** An emergency dispatched on both nodes at once and never signed for: the deadline watch must mark it. */
        EMERGENCY_LEFT_UNSIGNED,
        /** Dispatched on both nodes at once, then withdrawn. */
        DISPATCHED_THEN_WITHDRAWN,
        /** 直接办结. */
        RESOLVED_AT_INTAKE,
        /** 告知: a court's matter. */
        REDIRECTED,
        /** Six reveals at once over both nodes (each a new event on the same case), then dispatched. */
        REVEALED_THEN_DISPATCHED
    }

    /** A request a node acknowledged: the event it stored is at {@code version} of the case, when known. */
    record Ack(String caseId, String command, long version, String marker, String node) {
        static final long UNKNOWN = -1;
    }

    /** A request a node answered with a refusal. */
    record Refusal(String caseId, String command, String answer, String node) {
    }

    private static final int REVEALS = 6;

    private final String run;
    private final int cases;
    private final List<NodeClient> nodes;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger begun = new AtomicInteger();
    private final CountDownLatch halfway = new CountDownLatch(1);
    private final ExecutorService fanOut = Executors.newCachedThreadPool();

    Traffic(String run, int cases, List<NodeClient> nodes) {
        this.run = run;
        this.cases = cases;
        this.nodes = List.copyOf(nodes);
    }

    /** Runs every story on {@code workers} threads; returns when all are told (or fails after {@code limit}). */
    void run(int workers, Duration limit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            // Emergencies first: their one-minute deadlines then fall due while the test goes on, not after it.
            List<Integer> order = IntStream.range(0, cases).boxed()
                    .sorted(Comparator.comparing(n -> storyOf(n) != Story.EMERGENCY_LEFT_UNSIGNED))
                    .toList();
            List<Future<?>> stories = new ArrayList<>();
            for (int n : order) {
                stories.add(pool.submit(() -> tell(n)));
            }
            long deadline = System.nanoTime() + limit.toNanos();
            for (Future<?> story : stories) {
                story.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
            fanOut.shutdownNow();
        }
    }

    /** Runs {@link #run} on a thread of its own; the returned future fails if any story does. */
    CompletableFuture<Void> start(int workers, Duration limit) {
        CompletableFuture<Void> running = new CompletableFuture<>();
        Thread driver = new Thread(() -> {
            try {
                run(workers, limit);
                running.complete(null);
            } catch (Throwable e) {
                running.completeExceptionally(e);
            }
        }, "traffic");
        driver.setDaemon(true);
        driver.start();
        return running;
    }

    /**
     * Blocks until half the stories have begun, the moment the test pulls the plug on a node; fails at once
     * if the traffic itself failed before that.
     */
    void awaitHalfway(CompletableFuture<Void> running, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!halfway.await(200, TimeUnit.MILLISECONDS)) {
            if (running.isDone()) {
                running.get();
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("traffic never got half-way within " + limit);
            }
        }
    }

    /** From now on the named node is not asked anything (it was killed). */
    void nodeDown(String name) {
        down.add(name);
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    /** How each kind of request ended: "dispatch 200", "dispatch 409 NOT_REGISTERED", "reveal unreachable", ... */
    Map<String, Long> outcomes() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    long requests() {
        return outcomes().values().stream().mapToLong(Long::longValue).sum();
    }

    long count(String statusPrefix) {
        return outcomes().entrySet().stream().filter(e -> e.getKey().split(" ")[1].startsWith(statusPrefix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private void tell(int n) {
        if (begun.incrementAndGet() == cases / 2) {
            halfway.countDown();
        }
        Story story = storyOf(n);
        boolean emergency = story == Story.EMERGENCY_LEFT_UNSIGNED;
        String requestId = run + "-" + n;
        NodeClient home = alive(n);
        String category = emergency ? "HELP" : "COMPLAINT";
        String urgency = emergency ? "EMERGENCY" : "NORMAL";
        Request register = node -> node.register(requestId, category, urgency);
        Optional<String> registered = n % 2 == 0 ? race("register", null, register)
                : once(home, "register", null, register, true);
        if (registered.isEmpty()) {
            return;
        }
        String caseId = registered.get();
        Map<String, Object> dispatch = Map.of("leadUnit", "URBAN-MGMT", "assistingUnits", List.of());
        switch (story) {
            case EMERGENCY_LEFT_UNSIGNED -> race("dispatch", caseId, node -> node.command(caseId, "dispatch", dispatch));
            case DISPATCHED_THEN_WITHDRAWN -> {
                race("dispatch", caseId, node -> node.command(caseId, "dispatch", dispatch));
                once(home, "withdraw", caseId,
                        node -> node.command(caseId, "withdraw", Map.of("reason", "市民已自行解决")), true);
            }
            case RESOLVED_AT_INTAKE -> once(home, "resolve-at-intake", caseId,
                    node -> node.command(caseId, "resolve-at-intake", Map.of("answer", "已电话解答")), true);
            case REDIRECTED -> once(home, "redirect", caseId, node -> node.command(caseId, "redirect",
                    Map.of("jurisdiction", "COURT", "explanation", "属法院受理范围，请依法起诉")), true);
            case REVEALED_THEN_DISPATCHED -> {
                List<CompletableFuture<Void>> reveals = new ArrayList<>();
                for (int r = 0; r < REVEALS; r++) {
                    String reason = "回访核实 " + requestId + "/" + r;
                    NodeClient node = alive(n + r);
                    reveals.add(CompletableFuture.runAsync(() -> once(node, "reveal", caseId,
                            target -> target.command(caseId, "personal-data/reveal", Map.of("reason", reason)),
                            false, reason), fanOut));
                }
                CompletableFuture.allOf(reveals.toArray(CompletableFuture[]::new)).join();
                once(home, "dispatch", caseId, node -> node.command(caseId, "dispatch", dispatch), true);
            }
        }
    }

    /** Sends the same request to every live node at once; returns the case id if any node acknowledged it. */
    private Optional<String> race(String command, String caseId, Request request) {
        List<NodeClient> targets = nodes.stream().filter(node -> !down.contains(node.name())).toList();
        List<CompletableFuture<Optional<String>>> sent = targets.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> once(node, command, caseId, request, false), fanOut))
                .toList();
        // Wait for every node's answer before the story goes on: a race is over when both have answered.
        List<Optional<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        return answers.stream().flatMap(Optional::stream).findFirst();
    }

    private Optional<String> once(NodeClient node, String command, String caseId, Request request, boolean retry) {
        return once(node, command, caseId, request, retry, null);
    }

    /** One request to one node; on no answer, once more to another live node when {@code retry} allows. */
    private Optional<String> once(NodeClient node, String command, String caseId, Request request, boolean retry,
                                  String marker) {
        try {
            Reply reply = request.send(node).join();
            note(command, reply.status() + (reply.acknowledged() ? "" : " " + reply.code()));
            if (!reply.acknowledged()) {
                refusals.add(new Refusal(caseId, command, reply.status() + " " + reply.code(), node.name()));
                return Optional.empty();
            }
            String id = caseId != null ? caseId : reply.caseId();
            // A registration is event 0 of its case; a reveal answers with the contact, not a version.
            long version = command.equals("register") ? 0 : command.equals("reveal") ? Ack.UNKNOWN : reply.version();
            acks.add(new Ack(id, command, version, marker, node.name()));
            return Optional.of(id);
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof NodeUnreachable)) {
                throw e;
            }
            note(command, "unreachable");
            NodeClient other = nodes.stream().filter(candidate -> candidate != node)
                    .filter(candidate -> !down.contains(candidate.name())).findFirst().orElse(null);
            if (retry && other != null) {
                log.debug("{} did not answer {} on case {}; asking {}", node.name(), command, caseId, other.name());
                return once(other, command, caseId, request, false, marker);
            }
            return Optional.empty();
        }
    }

    private static Story storyOf(int n) {
        return Story.values()[n % Story.values().length];
    }

    private NodeClient alive(int n) {
        NodeClient preferred = nodes.get(n % nodes.size());
        if (!down.contains(preferred.name())) {
            return preferred;
        }
        return nodes.stream().filter(node -> !down.contains(node.name())).findFirst().orElse(preferred);
    }

    private void note(String command, String outcome) {
        outcomes.computeIfAbsent(command + " " + outcome, key -> new LongAdder()).increment();
    }

    @FunctionalInterface
    private interface Request {
        CompletableFuture<Reply> send(NodeClient node);
    }
}
