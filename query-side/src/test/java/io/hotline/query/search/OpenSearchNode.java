package io.hotline.query.search;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A real OpenSearch 2.19 node started inside the test JVM from the published artifacts (the server, its HTTP
 * transport and its stock analysis module, as a packaged node loads them as modules): one per test JVM, started
 * on first use, stopped at exit. Tests talk to it over HTTP with the same client the application uses. Where it
 * cannot start, {@link #url()} says so and the tests are skipped (a JUnit assumption), never failed.
 */
final class OpenSearchNode {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchNode.class);
    /** {@code -Dopensearch.test.node=off} skips the OpenSearch tests, as where no node can start. */
    static final String SWITCH = "opensearch.test.node";
    private static String url;
    private static Throwable failure;

    private OpenSearchNode() {
    }

    /** The node's HTTP address, starting it on first use; null when it could not start (see {@link #failure()}). */
    static synchronized String url() {
        if (url == null && failure == null) {
            if ("off".equals(System.getProperty(SWITCH))) {
                failure = new IllegalStateException("switched off by -D" + SWITCH + "=off");
                log.warn("No OpenSearch node in this JVM ({}): the OpenSearch tests are skipped", failure.getMessage());
                return null;
            }
            try {
                url = start();
            } catch (Throwable e) {
                failure = e;
                log.warn("No OpenSearch node in this JVM: the OpenSearch tests are skipped", e);
            }
        }
        return url;
    }

    static synchronized Throwable failure() {
        return failure;
    }

    private static String start() throws Exception {
        Path home = Files.createTempDirectory("opensearch-node");
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("cluster.name", "hotline-test")
                .put("node.name", "hotline-test")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", "0")
                .put("transport.port", "0")
                .put("transport.type", "netty4")
                .put("http.type", "netty4")
                // a test node on a shared machine: no disk watermarks, no memory-hungry caches
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("indices.breaker.total.use_real_memory", false)
                .build();
        long started = System.nanoTime();
        Node node = new ClasspathNode(settings, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));
        try {
            node.start();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                // the JVM is going anyway
            }
        }));
        var address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        String at = "http://" + address.getAddress() + ":" + address.getPort();
        log.info("OpenSearch node started in this JVM at {} in {} ms", at, (System.nanoTime() - started) / 1_000_000);
        return at;
    }

    /** A node whose plugins are classes on the classpath, as OpenSearch's own test nodes are made. */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "hotline-test"),
                    plugins, true);
        }
    }
}
