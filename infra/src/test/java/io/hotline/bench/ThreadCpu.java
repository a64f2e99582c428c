package io.hotline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time of the harness's JVM by kind of thread between two moments: which processor, the store's workers,
 * the shared read of the log. A profile says the same with more noise and more effort; this line comes with every
 * run. Threads that end between the two moments are not counted (the processors, the store's and the driver's
 * threads live on), so the kinds add up to a little less than the process's CPU.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> start = cpuByThread();

    /** The kinds that took at least 2 % of the counted CPU, busiest first, in milliseconds per event. */
    String perEvent(long events) {
        Map<String, Long> byKind = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu > 0) {
                byKind.merge(kind(thread.getThreadName()), cpu - start.getOrDefault(thread.getThreadId(), 0L), Long::sum);
            }
        }
        long counted = byKind.values().stream().mapToLong(Long::longValue).sum();
        return byKind.entrySet().stream()
                .filter(kind -> kind.getValue() * 50 >= counted)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(kind -> "%s %.3f".formatted(kind.getKey(), kind.getValue() / 1e6 / events))
                .collect(Collectors.joining(", "));
    }

    private static Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long time = THREADS.getThreadCpuTime(id);
            if (time > 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }

    /** A thread's name without its numbers: the processors of every generation, the store's workers, as one kind. */
    private static String kind(String name) {
        return name.replaceAll("\\d+", "N");
    }
}
