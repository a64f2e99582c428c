package io.hotline.query.figures.live;

import io.hotline.query.figures.query.Dashboard;
import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.query.FigureQueries;
import io.hotline.query.figures.settings.FiguresProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live dashboard: a stream of {@link Dashboard}s for a range and filter that emits at once, then whenever
 * the projection on this node changes a figure of the range, at most once per
 * {@code app.figures.stream.min-interval} (default 300 ms, so a burst of events gives a few updates a second
 * and an event shows within a second). It also re-reads every {@code app.figures.stream.refresh} (default
 * 10 s) for changes booked on another node, and sends only figures that differ from the last ones sent.
 * <p>
 * Dashboards watching the same range and filter share one feed, so a hundred open screens cost one read per
 * change, not a hundred. A comment line every {@code app.figures.stream.heartbeat} keeps idle connections
 * open through proxies.
 */
@Component
public class DashboardFeeds {

    private static final Logger log = LoggerFactory.getLogger(DashboardFeeds.class);
    private static final String EVENT = "figures";

    private final FigureQueries queries;
    private final FigureChanges changes;
    private final FiguresProperties.Stream settings;
    private final Map<Key, Flux<Dashboard>> shared = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    DashboardFeeds(FigureQueries queries, FigureChanges changes, FiguresProperties properties) {
        this.queries = queries;
        this.changes = changes;
        this.settings = properties.getStream();
    }

    public Flux<ServerSentEvent<Dashboard>> feed(DateRange range, FigureFilter filter) {
        Flux<ServerSentEvent<Dashboard>> updates = shared.computeIfAbsent(new Key(range, filter), this::open)
                .map(dashboard -> ServerSentEvent.builder(dashboard)
                        .event(EVENT).id(Long.toString(ids.incrementAndGet())).build());
        Flux<ServerSentEvent<Dashboard>> heartbeats = Flux.interval(settings.getHeartbeat())
                .map(beat -> ServerSentEvent.<Dashboard>builder().comment("keep-alive").build());
        return Flux.merge(updates, heartbeats);
    }

    private Flux<Dashboard> open(Key key) {
        AtomicReference<Flux<Dashboard>> self = new AtomicReference<>();
        Flux<Object> triggers = Flux.<Object>merge(
                        changes.flux().filter(change -> change.touches(key.range().from(), key.range().to())),
                        Flux.interval(settings.getRefresh()))
                .sample(settings.getMinInterval())
                .startWith(key);
        Flux<Dashboard> feed = triggers
                .onBackpressureLatest()
                .concatMap(trigger -> queries.dashboard(key.range(), key.filter())
                        .onErrorResume(e -> {
                            log.warn("Dashboard figures for {} could not be read; the next change retries", key, e);
                            return Mono.empty();
                        }), 1)
                .distinctUntilChanged()
                .doFinally(signal -> shared.remove(key, self.get()))
                .replay(1)
                .refCount();
        self.set(feed);
        return feed;
    }

    private record Key(DateRange range, FigureFilter filter) {
    }
}
