package io.hotline.query.figures.live;

import io.hotline.query.figures.buckets.BucketIds;
import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.ledger.FigureStore;
import io.hotline.query.figures.settings.FiguresProperties;
import io.hotline.query.figures.buckets.KeyIndex;
import io.hotline.query.figures.buckets.Tally;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The headline figures as Micrometer gauges, scraped at {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code hotline.cases.open{unit}}, {@code hotline.cases.overdue{unit}}: cases open now, and open past
 *       a deadline in force, by the unit accountable now;</li>
 *   <li>{@code hotline.figures.satisfaction.rate}, {@code hotline.figures.ontime.completion.rate},
 *       {@code hotline.figures.response.rate}, each {@code {unit, period=today|month}}: the rates of today and
 *       of the current month so far (a rate without data has no sample).</li>
 * </ul>
 * {@code unit} is a unit code, or {@code all} for the whole hotline; no tag ever carries personal data.
 * Gauges read a snapshot refreshed after figures change (at most once per
 * {@code app.figures.gauges.min-interval}) and every {@code app.figures.gauges.refresh}, so a scrape never
 * touches the database.
 */
@Component
class FigureGauges implements SmartLifecycle {

    static final String ALL = "all";

    private static final Logger log = LoggerFactory.getLogger(FigureGauges.class);

    private final FigureStore store;
    private final FigureChanges changes;
    private final Clock clock;
    private final ZoneId zone;
    private final FiguresProperties properties;
    private final MeterRegistry registry;
    private final AtomicReference<Readings> readings = new AtomicReference<>(Readings.NONE);
    private final List<Gauge> gauges = new ArrayList<>();
    private volatile Disposable refreshing;

    FigureGauges(FigureStore store, FigureChanges changes, Clock clock, ZoneId zone, FiguresProperties properties,
                 ObjectProvider<MeterRegistry> registry) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.zone = zone;
        this.properties = properties;
        this.registry = registry.getIfAvailable();
    }

    @Override
    public void start() {
        if (registry == null) {
            log.info("No meter registry: the figures are not published as gauges");
            return;
        }
        if (gauges.isEmpty()) {
            register();
        }
        FiguresProperties.Gauges settings = properties.getGauges();
        refreshing = Flux.<Object>merge(Flux.just(0L), changes.flux(), Flux.interval(settings.getRefresh()))
                .sample(settings.getMinInterval())
                .onBackpressureLatest()
                .concatMap(tick -> read().onErrorResume(e -> {
                    log.warn("Figures for the gauges could not be read; retried on the next change or refresh", e);
                    return Mono.empty();
                }), 1)
                .subscribe(this::publish);
    }

    private void register() {
        gauges.add(new Gauge(MultiGauge.builder("hotline.cases.open")
                .description("Cases open now (registered, dispatched or in handling), by the unit accountable now")
                .register(registry), readings -> readings.now, tally -> (double) tally.get(Count.OPEN), false));
        gauges.add(new Gauge(MultiGauge.builder("hotline.cases.overdue")
                .description("Open cases past a deadline in force, by the unit accountable now")
                .register(registry), readings -> readings.now, tally -> (double) tally.get(Count.OVERDUE_OPEN), false));
        gauges.add(new Gauge(MultiGauge.builder("hotline.figures.satisfaction.rate")
                .description("满意率: evaluations counted satisfied / evaluations, of the answers of the period")
                .register(registry), null, tally -> FigureSet.of(tally).satisfaction().rate(), true));
        gauges.add(new Gauge(MultiGauge.builder("hotline.figures.ontime.completion.rate")
                .description("按时办结率: handling rounds replied on time / handling rounds settled")
                .register(registry), null, tally -> FigureSet.of(tally).onTimeCompletion().rate(), true));
        gauges.add(new Gauge(MultiGauge.builder("hotline.figures.response.rate")
                .description("响应率: sign-for steps signed on time / sign-for steps settled")
                .register(registry), null, tally -> FigureSet.of(tally).response().rate(), true));
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = refreshing;
        return running != null && !running.isDisposed();
    }

    /** Reads today's, this month's and the open-case buckets, for every unit listed in their periods. */
    Mono<Readings> read() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String day = BucketIds.day(today);
        String month = BucketIds.month(YearMonth.from(today));
        return store.indexes(List.of(BucketIds.NOW, day, month)).flatMap(indexes -> {
            Map<String, String> nowIds = idsByUnit(BucketIds.NOW, indexes.get(BucketIds.NOW));
            Map<String, String> dayIds = idsByUnit(day, indexes.get(day));
            Map<String, String> monthIds = idsByUnit(month, indexes.get(month));
            List<String> all = new ArrayList<>(nowIds.values());
            all.addAll(dayIds.values());
            all.addAll(monthIds.values());
            return store.tallies(all).map(tallies -> new Readings(
                    pick(tallies, nowIds), pick(tallies, dayIds), pick(tallies, monthIds)));
        });
    }

    private static Map<String, String> idsByUnit(String period, KeyIndex index) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(ALL, BucketIds.of(period, FigureFilter.ALL));
        if (index != null) {
            index.units().forEach(unit -> ids.put(unit, BucketIds.of(period, FigureFilter.ALL.with(Dimension.UNIT, unit))));
        }
        return ids;
    }

    private static Map<String, Tally> pick(Map<String, Tally> tallies, Map<String, String> idsByUnit) {
        Map<String, Tally> picked = new LinkedHashMap<>();
        idsByUnit.forEach((unit, id) -> picked.put(unit, tallies.getOrDefault(id, Tally.empty())));
        return picked;
    }

    void publish(Readings fresh) {
        readings.set(fresh);
        gauges.forEach(gauge -> gauge.show(fresh));
    }

    /** The latest buckets by unit label: open-case counters, today's and this month's. */
    record Readings(Map<String, Tally> now, Map<String, Tally> today, Map<String, Tally> month) {
        static final Readings NONE = new Readings(Map.of(), Map.of(), Map.of());
    }

    /**
     * One multi-gauge. Its rows read the latest {@link Readings} when scraped; rows are re-registered only to
     * add units that appeared and drop rows without data.
     */
    private final class Gauge {

        private final MultiGauge gauge;
        private final Function<Readings, Map<String, Tally>> source;
        private final Function<Tally, Double> value;
        private final boolean byPeriod;

        Gauge(MultiGauge gauge, Function<Readings, Map<String, Tally>> source, Function<Tally, Double> value,
              boolean byPeriod) {
            this.gauge = gauge;
            this.source = source;
            this.value = value;
            this.byPeriod = byPeriod;
        }

        void show(Readings fresh) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            if (byPeriod) {
                rows(fresh.today(), "today", Readings::today, rows);
                rows(fresh.month(), "month", Readings::month, rows);
            } else {
                rows(source.apply(fresh), null, source, rows);
            }
            gauge.register(rows, false);
        }

        private void rows(Map<String, Tally> tallies, String period, Function<Readings, Map<String, Tally>> live,
                          List<MultiGauge.Row<?>> rows) {
            Set<String> units = new TreeSet<>(tallies.keySet());
            for (String unit : units) {
                if (value.apply(tallies.get(unit)) == null) {
                    continue;
                }
                Tags tags = period == null ? Tags.of("unit", unit) : Tags.of("unit", unit, "period", period);
                rows.add(MultiGauge.Row.of(tags, unit, label -> {
                    Tally tally = live.apply(readings.get()).get(label);
                    Double current = tally == null ? null : value.apply(tally);
                    return current == null ? Double.NaN : current;
                }));
            }
        }
    }
}
