package io.hotline.query.figures;

import io.hotline.query.figures.answers.DateRange;
import io.hotline.query.figures.buckets.Dimension;
import io.hotline.query.figures.facts.FakeWorkingCalendar;
import io.hotline.query.figures.ledger.FigureBatch;
import io.hotline.query.figures.live.FigureChanges;
import io.hotline.query.figures.buckets.FigureFilter;
import io.hotline.query.figures.query.FigureQueries;
import io.hotline.query.figures.ledger.FiguresLedger;
import io.hotline.query.figures.ledger.InMemoryFigureStore;
import io.hotline.query.figures.answers.Period;
import io.hotline.query.figures.ranking.RankingPolicy;
import io.hotline.query.figures.ranking.RankingReport;
import io.hotline.query.figures.answers.Series;
import io.hotline.query.figures.answers.Summary;
import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The figures without Spring: the projection over an in-memory store with the test calendar, fed events as
 * the event processor would deliver them, and the queries over the same store.
 */
public final class FiguresHarness {

    private static final io.hotline.kernel.common.Actor ADMIN = io.hotline.kernel.common.Actor.of("admin",
            "HOTLINE", io.hotline.kernel.common.Role.ADMIN);

    public final InMemoryFigureStore store;
    final FigureChanges changes = new FigureChanges();
    final FigureQueries queries;
    private CaseFiguresProjection projection;

    public FiguresHarness() {
        this(new InMemoryFigureStore());
    }

    public FiguresHarness(InMemoryFigureStore store) {
        this.store = store;
        this.queries = queriesAt(Instant.parse("2024-12-31T04:00:00Z"));
        restart();
    }

    /** The queries as they answer at {@code now}: the evaluations' expired invitations depend on the day. */
    FigureQueries queriesAt(Instant now) {
        return new FigureQueries(store, RankingPolicy.defaults(), java.time.Clock.fixed(now, FakeWorkingCalendar.ZONE),
                FakeWorkingCalendar.ZONE, java.time.Duration.ofDays(7));
    }

    /** The queries over a unit directory, at the same moment as {@link #queries}. */
    FigureQueries queriesWith(io.hotline.query.figures.levels.UnitLevels levels) {
        return new FigureQueries(store, RankingPolicy.defaults(), levels,
                java.time.Clock.fixed(Instant.parse("2024-12-31T04:00:00Z"), FakeWorkingCalendar.ZONE),
                FakeWorkingCalendar.ZONE, java.time.Duration.ofDays(7));
    }

    /** A fresh projection over the same store, as after the node restarted. */
    void restart() {
        projection = new CaseFiguresProjection(new FiguresLedger(store, FakeWorkingCalendar.ZONE, changes::publish),
                FakeWorkingCalendar.CHINA_2024);
    }

    /** A fresh projection over the same store that books processor batches, as the read-model processor runs it. */
    FiguresHarness batched() {
        FigureBatch batch = new FigureBatch(store, changes::publish);
        projection = new CaseFiguresProjection(new FiguresLedger(batch, FakeWorkingCalendar.ZONE, batch::changed),
                FakeWorkingCalendar.CHINA_2024, batch);
        return this;
    }

    /**
     * Delivers events {@code from..to-1} of {@code log} as one processor batch (each event's log position is its
     * index): begin, every event, flush; a failure discards the batch and is rethrown.
     */
    void deliverBatch(List<CaseScript.Booked> log, int from, int to) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int position = from; position < to; position++) {
            CaseScript.Booked booked = log.get(position);
            events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                    new GenericDomainEventMessage<>("Case", booked.caseId(), booked.sequence(), booked.event())));
        }
        projection.begin(events);
        try {
            for (int i = 0; i < events.size(); i++) {
                projection.next(events.get(i));
                deliver(log.get(from + i));
            }
            projection.flush();
        } catch (RuntimeException e) {
            projection.discard();
            throw e;
        }
    }

    /** All events of the scripts, in the order they happened (as the log holds them). */
    static List<CaseScript.Booked> inOrder(Collection<CaseScript> scripts) {
        return scripts.stream().flatMap(script -> script.events().stream())
                .sorted(Comparator.comparing(CaseScript.Booked::at).thenComparing(CaseScript.Booked::caseId)
                        .thenComparingLong(CaseScript.Booked::sequence))
                .toList();
    }

    /** The directory's events establishing {@code nodes} (parents listed first) at {@code at}, as the log holds them. */
    static List<CaseScript.Booked> directory(List<io.hotline.query.figures.levels.UnitTree.Node> nodes, String at) {
        List<CaseScript.Booked> events = new ArrayList<>();
        Instant when = LocalDateTime.parse(at).atZone(FakeWorkingCalendar.ZONE).toInstant();
        for (var node : nodes) {
            var entry = new io.hotline.kernel.units.UnitEntry(node.code(), node.code(), node.code(),
                    io.hotline.kernel.units.UnitKind.valueOf(node.kind()), node.parent(), List.of(), null, null);
            events.add(new CaseScript.Booked("directory", events.size(), when,
                    new io.hotline.kernel.units.UnitEstablished("directory", entry, false, ADMIN, when)));
        }
        return events;
    }

    /** The directory's event moving {@code unit} under {@code parent} at {@code at}. */
    static CaseScript.Booked moved(String unit, String parent, String previous, long sequence, String at) {
        Instant when = LocalDateTime.parse(at).atZone(FakeWorkingCalendar.ZONE).toInstant();
        return new CaseScript.Booked("directory", sequence, when,
                new io.hotline.kernel.units.UnitMoved("directory", unit, parent, previous, ADMIN, when));
    }

    public FiguresHarness feed(List<CaseScript.Booked> events) {
        events.forEach(this::deliver);
        return this;
    }

    Summary summary(String from, String to) {
        return summary(from, to, FigureFilter.ALL);
    }

    Summary summary(String from, String to, FigureFilter filter) {
        return queries.summary(range(from, to), filter).block();
    }

    Series series(String from, String to, Period period, Dimension by) {
        return queries.series(range(from, to), period, by, FigureFilter.ALL).block();
    }

    RankingReport ranking(String from, String to) {
        return queries.ranking(range(from, to)).block();
    }

    static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    /** Hands one event to the projection's handler for its type, as Axon would. */
    public void deliver(CaseScript.Booked booked) {
        Object event = booked.event();
        long sequence = booked.sequence();
        if (event instanceof CaseRegistered e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseDispatched e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseTransferred e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseRedispatched e) {
            projection.on(e, sequence);
        } else if (event instanceof LeadUnitDesignated e) {
            projection.on(e, sequence);
        } else if (event instanceof JurisdictionObjected e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseSignedFor e) {
            projection.on(e, sequence);
        } else if (event instanceof DeadlineMissed e) {
            projection.on(e, sequence);
        } else if (event instanceof ExtensionApproved e) {
            projection.on(e, sequence);
        } else if (event instanceof MaterialsRequested e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseReplied e) {
            projection.on(e, sequence);
        } else if (event instanceof FeedbackRecorded e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseReopened e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseResolvedAtIntake e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseRedirected e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseMerged e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseWithdrawn e) {
            projection.on(e, sequence);
        } else if (event instanceof CaseClosed e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.CaseDispatchedDown e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.CaseTakenBack e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.ObjectionOverruled e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.ReplySubmittedForReview e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.ReplyApproved e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.cases.ReplyReturned e) {
            projection.on(e, sequence);
        } else if (event instanceof io.hotline.kernel.units.UnitEstablished e) {
            projection.on(e);
        } else if (event instanceof io.hotline.kernel.units.UnitMoved e) {
            projection.on(e);
        } else {
            throw new IllegalArgumentException("no handler for " + event.getClass().getSimpleName());
        }
    }
}
