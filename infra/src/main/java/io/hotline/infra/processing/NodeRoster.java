package io.hotline.infra.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes are alive and which processors each runs, from the heartbeat every node writes into
 * {@code cluster_nodes} ({@code _id} = node name, {@code beat} = a counter it increments).
 * <p>
 * Liveness is judged without comparing clocks: a node is alive while its counter keeps moving, as timed by the
 * observer's own monotonic clock. A node whose wall clock drifted is therefore neither buried early nor kept
 * alive late. {@code lastBeatAt} is written for people reading the collection, never read here.
 */
class NodeRoster {

    static final String COLLECTION = "cluster_nodes";

    /** An entry silent this long belongs to a node that is gone for good (killed, never restarted): forget it. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

    private final MongoCollection<Document> nodes;
    private final String self;
    private final long deadAfterNanos;
    private final Map<String, Heard> heard = new HashMap<>();
    private volatile Map<String, Set<String>> live = Map.of();

    /** The last counter value heard from a node, and when (observer's monotonic time) it last moved. */
    private record Heard(long beat, long movedAt) {
    }

    NodeRoster(MongoCollection<Document> nodes, String self, Duration silenceMeaningDead) {
        this.nodes = nodes;
        this.self = self;
        this.deadAfterNanos = silenceMeaningDead.toNanos();
    }

    String self() {
        return self;
    }

    /** Says "alive, running these processors". */
    void beat(Collection<String> processors) {
        nodes.updateOne(Filters.eq("_id", self),
                Updates.combine(Updates.inc("beat", 1L), Updates.set("processors", List.copyOf(processors)),
                        Updates.set("lastBeatAt", new Date())),
                new UpdateOptions().upsert(true));
    }

    /** Reads the roster again and decides who is alive; one caller at a time (the share keeper's thread). */
    synchronized void look() {
        long now = System.nanoTime();
        Map<String, Set<String>> alive = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (Document node : nodes.find()) {
            String name = node.getString("_id");
            long beat = ((Number) node.get("beat")).longValue();
            present.add(name);
            Heard before = heard.get(name);
            Heard latest = before == null || before.beat() != beat ? new Heard(beat, now) : before;
            heard.put(name, latest);
            long silentFor = now - latest.movedAt();
            if (name.equals(self) || silentFor < deadAfterNanos) {
                alive.put(name, Set.copyOf(node.getList("processors", String.class, List.of())));
            } else if (silentFor > FORGET_AFTER.toNanos()) {
                nodes.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("beat", beat)));
            }
        }
        heard.keySet().retainAll(present);
        live = Map.copyOf(alive);
    }

    /** How many live nodes (this one included) run the named processor; at least 1. */
    int liveNodesRunning(String processor) {
        long count = live.values().stream().filter(processors -> processors.contains(processor)).count();
        return (int) Math.max(1, count);
    }

    /** Live node names, for logging. */
    Set<String> liveNodes() {
        return live.keySet();
    }

    /** A node that stops cleanly leaves at once, so the others need not wait for its silence. */
    void leave() {
        nodes.deleteOne(Filters.eq("_id", self));
    }
}
