package io.hotline.query.figures.live;

import io.hotline.query.figures.ledger.FiguresChanged;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells live readers (the dashboard stream, the gauges) that the live generation's projection on this node
 * changed some figures. Best effort by design: a reader that is not ready misses a signal, which is harmless
 * because every reader re-reads the figures themselves and also refreshes on a timer (a projection running on
 * another node does not signal here, nor does a switch to a rebuilt generation).
 */
@Component
public class FigureChanges {

    private final Sinks.Many<FiguresChanged> sink = Sinks.many().multicast().directBestEffort();

    public void publish(FiguresChanged change) {
        // Serialised: around a switch, the processors of two generations may both publish for a moment.
        synchronized (sink) {
            sink.tryEmitNext(change);
        }
    }

    public Flux<FiguresChanged> flux() {
        return sink.asFlux();
    }
}
