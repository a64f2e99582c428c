package io.hotline.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A store and its app nodes for one failure test, each a child process on 127.0.0.1 with its log under
 * {@code target/scaleout/<test>/}. Closing it stops whatever still runs, so a failed test leaves no process.
 */
final class Cluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    private final Path logDir;
    private final StoreUnderTest store;
    private final Map<String, AppNode> nodes = new LinkedHashMap<>();

    private Cluster(Path logDir, StoreUnderTest store) {
        this.logDir = logDir;
        this.store = store;
    }

    /**
     * Starts the store, then the nodes (each with its own extra settings) side by side; returns once all are
     * healthy. Whatever fails on the way, nothing started is left running.
     */
    static Cluster start(String test, Path dataDir, Map<String, List<String>> settingsByNode) {
        Path logDir = Path.of("target", "scaleout", test).toAbsolutePath();
        Cluster cluster = new Cluster(logDir, StoreUnderTest.start(test.replace('-', '_'), logDir, dataDir));
        try {
            settingsByNode.forEach((name, settings) ->
                    cluster.nodes.put(name, AppNode.start(name, cluster.store, logDir, settings)));
            cluster.nodes.values().forEach(node -> node.awaitHealthy(Duration.ofMinutes(3)));
            cluster.nodes.values().iterator().next().client().ensureOperatorAccount();
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
        log.info("Nodes {} are up against the store", cluster.nodes.keySet());
        return cluster;
    }

    AppNode node(String name) {
        return nodes.get(name);
    }

    List<NodeClient> clients() {
        return nodes.values().stream().map(AppNode::client).toList();
    }

    StoreUnderTest store() {
        return store;
    }

    LogAudit audit() {
        return LogAudit.read(store.database());
    }

    /**
     * The store once the read models have caught up: every segment claimed by one of {@code owners} and at the
     * head of the log, every case view and every scheduled deadline matching the log, all in one reading. The
     * deadline watch may append marks at any moment, so this reads again until one reading agrees with itself
     * (or {@code limit} passes; the caller's assertions then show what was still behind).
     */
    LogAudit settled(Set<String> owners, Duration limit) {
        return Waiting.forSettled(limit, this::audit, audit -> audit.tokensClaimedAndAtHead(owners).isEmpty()
                && audit.caseViewsMatchTheLog().isEmpty() && audit.deadlineScheduleMatchesTheLog().isEmpty());
    }

    /** Which node holds which segments, e.g. {case-view=[node-a:0, node-b:1], ...}. */
    Map<String, List<String>> claims() {
        Map<String, List<String>> claims = new TreeMap<>();
        audit().tokens().forEach(token -> claims.computeIfAbsent(token.processor(), name -> new ArrayList<>())
                .add(token.owner() + ":" + token.segment()));
        return claims;
    }

    /** True when every processor split into several segments has them spread over all the given nodes. */
    boolean workIsSplitAmong(Set<String> owners) {
        Map<String, Set<String>> holders = audit().tokens().stream().collect(Collectors.groupingBy(
                LogAudit.Token::processor, Collectors.mapping(LogAudit.Token::owner, Collectors.toSet())));
        Map<String, Long> segments = audit().tokens().stream().collect(Collectors.groupingBy(
                LogAudit.Token::processor, Collectors.counting()));
        return !holders.isEmpty() && holders.entrySet().stream()
                .filter(entry -> segments.get(entry.getKey()) >= owners.size())
                .allMatch(entry -> entry.getValue().equals(owners));
    }

    /** How often a node's log shows the command gateway retrying after a concurrent modification. */
    long concurrencyRetries(String node) {
        return nodes.get(node).process().countInLog("Will retry");
    }

    @Override
    public void close() {
        nodes.values().forEach(node -> node.process().stop());
        store.close();
    }
}
