package io.hotline.infra.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How the nodes share the event processors, under {@code app.processing}.
 *
 * @param segments     how many segments every tracking processor's work is split into when its tokens are first
 *                     created (default 2); also the threads each node keeps for it, so one node can carry all of
 *                     them when the others are gone. Changing it later needs a segment split or merge.
 * @param claimTimeout how long a segment's claim lasts without renewal before another node may take it over
 *                     (default 10 s): the time a dead node's work waits. Clocks of the nodes must agree far
 *                     better than this.
 * @param claimInterval how often a node with a free thread looks for an unclaimed segment (default 1 s)
 * @param heartbeat    how often a node says it is alive in {@code cluster_nodes} (default 1 s)
 * @param nodeName     this node's name in the token store and the roster; default {@code pid@host}
 */
@ConfigurationProperties("app.processing")
public record ProcessingProperties(@DefaultValue("2") int segments,
                                   @DefaultValue("10s") Duration claimTimeout,
                                   @DefaultValue("1s") Duration claimInterval,
                                   @DefaultValue("1s") Duration heartbeat,
                                   @DefaultValue("") String nodeName) {

    public ProcessingProperties {
        if (segments < 1) {
            throw new IllegalArgumentException("app.processing.segments must be at least 1, not " + segments);
        }
    }

    /** This node's name: the configured one, else the JVM's {@code pid@host}. */
    public String node() {
        return nodeName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeName;
    }

    /**
     * A node is taken for dead when its heartbeat has not moved for half a claim timeout: so the roster
     * notices a death before the dead node's claims run out, and no segment is handed to a node that is gone.
     */
    Duration silenceMeaningDead() {
        return claimTimeout.dividedBy(2);
    }
}
