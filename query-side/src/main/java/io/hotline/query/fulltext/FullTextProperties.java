package io.hotline.query.fulltext;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The full-text indexes' settings ({@code app.query.fulltext.*}; defaults in {@code hotline-query.yml}).
 *
 * @param dir              where this node keeps its indexes; blank: {@code fulltext} under {@code app.data-dir}
 * @param refreshInterval  how often searchers are reopened to see what was indexed (near-real-time)
 * @param commitInterval   how often the indexes are committed with the position of the last event they hold: what a
 *                         restart resumes from (a crash loses at most this much indexing, never an event)
 * @param batchSize        events per batch of an index's processor
 * @param maxQueryLength   the longest free text a search takes (characters)
 * @param duplicateWindow  how far back the duplicate suggestions at intake look
 */
@ConfigurationProperties("app.query.fulltext")
public record FullTextProperties(@DefaultValue("") String dir,
                                 @DefaultValue("250ms") Duration refreshInterval,
                                 @DefaultValue("30s") Duration commitInterval,
                                 @DefaultValue("1000") int batchSize,
                                 @DefaultValue("100") int maxQueryLength,
                                 @DefaultValue("30d") Duration duplicateWindow) {

    /** The defaults, for indexes made by hand (tests, the benchmark). */
    public static FullTextProperties defaults() {
        return new FullTextProperties("", Duration.ofMillis(250), Duration.ofSeconds(30), 1000, 100,
                Duration.ofDays(30));
    }
}
