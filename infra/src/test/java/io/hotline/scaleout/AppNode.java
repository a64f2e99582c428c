package io.hotline.scaleout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One app node of a failure test: its process and the client that talks to it. */
final class AppNode {

    /**
     * Service levels short enough for a test: an emergency must be signed for within a minute (warning at 48 s),
     * and the deadline watch looks every second with a short lease, so a dead watcher is replaced quickly.
     */
    static final List<String> SHORT_SERVICE_LEVELS = List.of(
            "--app.policy.service-levels.rules[0].urgency=EMERGENCY",
            "--app.policy.service-levels.rules[0].sign-for=1 MINUTES",
            "--app.policy.service-levels.rules[0].finish=24 HOURS",
            "--app.deadlines.poll=PT1S",
            "--app.deadlines.initial-delay=PT1S",
            "--app.deadlines.lease=PT5S",
            "--app.security.admin-password=" + NodeClient.ADMIN_PASSWORD);

    private final ChildJvm process;
    private final NodeClient client;

    private AppNode(ChildJvm process, NodeClient client) {
        this.process = process;
        this.client = client;
    }

    /** Starts a node named {@code name} (also its token-store owner name) with the extra settings given. */
    static AppNode start(String name, StoreUnderTest store, Path logDir, List<String> settings) {
        int port = StoreUnderTest.freePort();
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port, "--app.processing.node-name=" + name));
        arguments.addAll(SHORT_SERVICE_LEVELS);
        arguments.addAll(settings);
        ChildJvm process = ChildJvm.start(name, logDir, store.nodeEnvironment(), arguments);
        return new AppNode(process, new NodeClient(name, port));
    }

    String name() {
        return process.name();
    }

    NodeClient client() {
        return client;
    }

    ChildJvm process() {
        return process;
    }

    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!client.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited while starting:\n" + process.logTail(60));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " not healthy after " + timeout + ":\n" + process.logTail(60));
            }
            Waiting.pause(Duration.ofMillis(500));
        }
    }
}
