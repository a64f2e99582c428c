package io.hotline.query.figures.live;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.answers.Evaluations;
import io.hotline.query.figures.answers.Fraction;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.query.FigureQueries;
import io.hotline.query.figures.settings.FiguresProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The evaluation figures (回访评价) as Micrometer gauges, over the answers of the last 30 days for the whole hotline
 * ({@code period=30d}), scraped at {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code hotline.figures.evaluation.participation.rate{channel}}: evaluations on the channel / invitations;</li>
 *   <li>{@code hotline.figures.evaluation.satisfaction.rate{channel}}: of those, counted satisfied;</li>
 *   <li>{@code hotline.figures.evaluation.unanswered}: invitations that expired unevaluated (the days of the window
 *       whose invitations have all expired);</li>
 *   <li>{@code hotline.figures.evaluation.time.to.evaluate}: mean hours from the answer to its evaluation.</li>
 * </ul>
 * {@code channel} is phone, sms, web or on_site. A rate without data reads NaN (no sample). Refreshed like the other
 * figure gauges: after figures change, at most once per {@code app.figures.gauges.min-interval}, and every
 * {@code app.figures.gauges.refresh}; a scrape never touches the database.
 */
@Component
class EvaluationGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EvaluationGauges.class);
    private static final int WINDOW_DAYS = 30;
    private static final String PERIOD = "30d";

    private final FigureQueries queries;
    private final FigureChanges changes;
    private final Clock clock;
    private final ZoneId zone;
    private final FiguresProperties properties;
    private final MeterRegistry registry;
    private final AtomicReference<Evaluations> latest = new AtomicReference<>();
    private volatile Disposable refreshing;
    private boolean registered;

    EvaluationGauges(FigureQueries queries, FigureChanges changes, Clock clock, ZoneId zone,
                     FiguresProperties properties, ObjectProvider<MeterRegistry> registry) {
        this.queries = queries;
        this.changes = changes;
        this.clock = clock;
        this.zone = zone;
        this.properties = properties;
        this.registry = registry.getIfAvailable();
    }

    @Override
    public void start() {
        if (registry == null) {
            return;
        }
        if (!registered) {
            register();
            registered = true;
        }
        FiguresProperties.Gauges settings = properties.getGauges();
        refreshing = Flux.<Object>merge(Flux.just(0L), changes.flux(), Flux.interval(settings.getRefresh()))
                .sample(settings.getMinInterval())
                .onBackpressureLatest()
                .concatMap(tick -> read().onErrorResume(e -> {
                    log.warn("Evaluation figures for the gauges could not be read; retried on the next change", e);
                    return Mono.empty();
                }), 1)
                .subscribe(latest::set);
    }

    Mono<Evaluations> read() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return queries.summary(new DateRange(today.minusDays(WINDOW_DAYS - 1), today), FigureFilter.ALL)
                .map(summary -> summary.evaluations());
    }

    private void register() {
        for (FeedbackChannel channel : FeedbackChannel.values()) {
            gauge("hotline.figures.evaluation.participation.rate", channel,
                    "回访评价 participation: evaluations on the channel / answers that invited one",
                    evaluations -> rate(line(evaluations, channel).participation()));
            gauge("hotline.figures.evaluation.satisfaction.rate", channel,
                    "满意率 by evaluation channel: evaluations counted satisfied / evaluations on the channel",
                    evaluations -> rate(line(evaluations, channel).satisfaction()));
        }
        Gauge.builder("hotline.figures.evaluation.unanswered", latest,
                        reference -> reference.get() == null ? Double.NaN : reference.get().unanswered())
                .description("Invitations to evaluate that expired unanswered (never counted as satisfied)")
                .tag("period", PERIOD).register(registry);
        Gauge.builder("hotline.figures.evaluation.time.to.evaluate", latest,
                        reference -> reference.get() == null || reference.get().averageHoursToEvaluate() == null
                                ? Double.NaN : reference.get().averageHoursToEvaluate())
                .description("Mean hours from an answer to its evaluation").baseUnit("hours")
                .tag("period", PERIOD).register(registry);
    }

    private void gauge(String name, FeedbackChannel channel, String description,
                       ToDoubleFunction<Evaluations> value) {
        Gauge.builder(name, latest, reference -> reference.get() == null ? Double.NaN : value.applyAsDouble(reference.get()))
                .description(description)
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).tag("period", PERIOD)
                .register(registry);
    }

    private static Evaluations.ByChannel line(Evaluations evaluations, FeedbackChannel channel) {
        return evaluations.byChannel().stream().filter(line -> line.channel() == channel).findFirst().orElseThrow();
    }

    private static double rate(Fraction fraction) {
        return fraction.rate() == null ? Double.NaN : fraction.rate();
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
}
