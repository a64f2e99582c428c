package io.hotline.infra.mongo;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

    @Test
    void everyWriterReturnsOnlyAfterACommitThatStartedAfterItsWrite() throws Exception {
        AtomicLong written = new AtomicLong();
        AtomicLong durable = new AtomicLong();
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            long upTo = written.get();
            commits.incrementAndGet();
            sleep();
            durable.accumulateAndGet(upTo, Math::max);
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writers.add(pool.submit(() -> {
                start.await();
                long mine = written.incrementAndGet();
                group.awaitDurable();
                return durable.get() >= mine;
            }));
        }
        start.countDown();
        for (Future<Boolean> writer : writers) {
            assertThat(writer.get()).isTrue();
        }
        pool.shutdown();
        assertThat(commits.get()).isLessThan(200);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
