package io.hotline.infra.mongo;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in groups: every writer that needs its write on disk waits for a commit that started after
 * its write; one of the waiting writers runs the commit for all of them. Under load many appends share one file
 * commit instead of queueing one commit each; with a single writer it is one commit per write, as before.
 */
public final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private long requested;
    private long completed;
    private boolean committing;

    public GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Returns once a commit that began after this call has finished. */
    public void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (completed < ticket) {
                if (committing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                long upTo = requested;
                lock.unlock();
                try {
                    commit.run();
                } finally {
                    lock.lock();
                    committing = false;
                    completed = Math.max(completed, upTo);
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
