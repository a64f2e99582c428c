package io.hotline.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The query side's settings ({@code app.query.*}); the defaults live in {@code hotline-query.yml}.
 *
 * @param phoneHashKey         key of the HMAC kept instead of the citizen's phone; blank: generated once and stored
 * @param readYourWriteTimeout how long {@code atLeastVersion} waits before answering a stale view
 * @param readYourWritePoll    how often such a wait re-reads when no local notification comes
 * @param generationRefresh    how often the live generation of each read model is re-read
 * @param inboxStreamPoll      how often a live inbox stream re-reads the inbox (changes projected on another node,
 *                             colours that turned with time); a change projected on this node is sent at once
 * @param inboxStreamKeepAlive the longest a live inbox stream stays silent (a comment keeps proxies from closing it)
 */
@ConfigurationProperties("app.query")
public record QueryProperties(
        String phoneHashKey,
        @DefaultValue("5s") Duration readYourWriteTimeout,
        @DefaultValue("100ms") Duration readYourWritePoll,
        @DefaultValue("1s") Duration generationRefresh,
        @DefaultValue("1s") Duration inboxStreamPoll,
        @DefaultValue("30s") Duration inboxStreamKeepAlive,
        @DefaultValue Search search,
        @DefaultValue Rebuild rebuild) {

    /** Paging limits of the case search. */
    public record Search(@DefaultValue("20") int defaultPageSize, @DefaultValue("100") int maxPageSize) {
    }

    /**
     * How a rebuild runs.
     *
     * @param checkInterval how often it checks whether it reached the head of the log
     * @param retireAfter   how long the replaced generation's collections survive the switch
     * @param batchSize     events per batch of every read-model processor (live and rebuilding)
     * @param sharedWindow  the most events a shared read of the log holds for the read models rebuilt together:
     *                      how far the fastest of them may run ahead of the slowest
     * @param sharedPatience how long a shared read waits for a read model that keeps its window full before that
     *                      one reads on its own
     */
    public record Rebuild(@DefaultValue("500ms") Duration checkInterval,
                          @DefaultValue("60s") Duration retireAfter,
                          @DefaultValue("1000") int batchSize,
                          @DefaultValue("8192") int sharedWindow,
                          @DefaultValue("60s") Duration sharedPatience) {
    }
}
