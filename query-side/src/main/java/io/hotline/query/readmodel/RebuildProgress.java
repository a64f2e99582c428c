package io.hotline.query.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * How a read model's rebuild stands. Positions in the log are dense from 0, so {@code eventsDone} of
 * {@code eventsTotal} is exact; the rate and time left are measured on the node that runs the rebuilding
 * processor (null elsewhere, or before the first measurement).
 *
 * @param state            IDLE (never rebuilt), REBUILDING, or SWITCHED (the last rebuild is live)
 * @param liveCollections  what readers use now
 * @param eventsDone       events the rebuilding generation has applied (the live one's when not rebuilding)
 * @param eventsTotal      events in the log now
 * @param secondsLeft      estimated time to catch up at the measured rate
 * @param error            the rebuilding processor's last failure, while it retries
 */
public record RebuildProgress(String readModel, String state, int liveGeneration, Integer buildingGeneration,
                              List<String> liveCollections, Long eventsDone, long eventsTotal, Double ratePerSecond,
                              Double secondsLeft, Instant buildingSince, Instant switchedAt, String error) {

    public static final String IDLE = "IDLE";
    public static final String REBUILDING = "REBUILDING";
    public static final String SWITCHED = "SWITCHED";
}
