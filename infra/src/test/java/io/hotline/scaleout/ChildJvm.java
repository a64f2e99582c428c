package io.hotline.scaleout;

import io.hotline.HotlineApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process of the hotline ({@link HotlineApplication}) started from the test's own classpath, so no packaged
 * jar is needed; its output goes to a log file under {@code target/scaleout/}. Small heap and the quick
 * compiler only: the machine is shared and the test only needs correctness, not speed.
 */
final class ChildJvm {

    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ChildJvm start(String name, Path logDir, Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                HotlineApplication.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logDir);
            Path logFile = logDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().remove("MONGODB_DATABASE");
            builder.environment().putAll(environment);
            Process process = builder.start();
            // Should this JVM end abruptly (a time-out, Ctrl-C), its children must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            log.info("Started {} (pid {}) with {}; log: {}", name, process.pid(), arguments, logFile);
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is released or flushed; the way a node dies of a power cut. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        log.info("Killed {} (pid {})", name, process.pid());
    }

    /** SIGTERM; true if the process ended within {@code timeout}. */
    boolean terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(20))) {
            log.warn("{} did not stop on SIGTERM within 20 s; killing it", name);
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    int exitValue() {
        return process.exitValue();
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the log, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    boolean logContains(String text) {
        return countInLog(text) > 0;
    }

    long countInLog(String text) {
        try (var lines = Files.lines(logFile)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
