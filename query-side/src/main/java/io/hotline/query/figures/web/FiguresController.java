package io.hotline.query.figures.web;

import io.hotline.query.figures.query.Dashboard;
import io.hotline.query.figures.live.DashboardFeeds;
import io.hotline.query.figures.query.FigureQueries;
import io.hotline.query.figures.ranking.RankingReport;
import io.hotline.query.figures.answers.Series;
import io.hotline.query.figures.answers.Summary;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The figures over HTTP, read-only. Dates are local dates in the figures' zone, both ends included; every
 * rate comes with its numerator and denominator (see {@link io.hotline.query.figures.answers.FigureSet} for each
 * definition).
 * <ul>
 *   <li>{@code GET /api/v1/metrics/summary?from=&to=&unit=&category=&area=&subtree=}: {@link Summary};</li>
 *   <li>{@code GET /api/v1/metrics/series?from=&to=&period=day|week|month&by=unit|category|area} (and the same
 *       filters): {@link Series};</li>
 *   <li>{@code GET /api/v1/metrics/ranking?from=&to=&level=&parent=}: {@link RankingReport}, the peer groups of
 *       that level under that parent (each optional);</li>
 *   <li>{@code GET /api/v1/metrics/stream?from=&to=} (and the filters): server-sent events named
 *       {@code figures}, each a {@link Dashboard}, whenever the figures change (see {@link DashboardFeeds}).</li>
 * </ul>
 * {@code subtree=true} (with {@code unit}) rolls the unit's figures up over its subtree in the unit directory: a
 * district's figures with its streets' and communities' part; the dashboard's ranking is then the peer groups
 * inside it.
 */
@RestController
@RequestMapping("/api/v1/metrics")
class FiguresController {

    private final FigureParameters parameters;
    private final FigureQueries queries;
    private final DashboardFeeds feeds;

    FiguresController(FigureParameters parameters, FigureQueries queries, DashboardFeeds feeds) {
        this.parameters = parameters;
        this.queries = queries;
        this.feeds = feeds;
    }

    @GetMapping("/summary")
    Mono<Summary> summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String unit,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) String area,
                          @RequestParam(required = false) String subtree, ServerWebExchange exchange) {
        FigureParameters.onlyKnown(exchange, "from", "to", "unit", "category", "area", "subtree");
        return queries.summary(parameters.range(from, to), parameters.filter(unit, category, area, subtree));
    }

    @GetMapping("/series")
    Mono<Series> series(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String period, @RequestParam(required = false) String by,
                        @RequestParam(required = false) String unit,
                        @RequestParam(required = false) String category,
                        @RequestParam(required = false) String area,
                        @RequestParam(required = false) String subtree, ServerWebExchange exchange) {
        FigureParameters.onlyKnown(exchange, "from", "to", "period", "by", "unit", "category", "area", "subtree");
        return queries.series(parameters.range(from, to), parameters.period(period), parameters.by(by),
                parameters.filter(unit, category, area, subtree));
    }

    @GetMapping("/ranking")
    Mono<RankingReport> ranking(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String level,
                                @RequestParam(required = false) String parent, ServerWebExchange exchange) {
        FigureParameters.onlyKnown(exchange, "from", "to", "level", "parent");
        return queries.ranking(parameters.range(from, to), parameters.level(level), parameters.parent(parent), null);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Dashboard>> stream(@RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String unit,
                                            @RequestParam(required = false) String category,
                                            @RequestParam(required = false) String area,
                                            @RequestParam(required = false) String subtree,
                                            ServerWebExchange exchange) {
        FigureParameters.onlyKnown(exchange, "from", "to", "unit", "category", "area", "subtree");
        return feeds.feed(parameters.range(from, to), parameters.filter(unit, category, area, subtree));
    }
}
