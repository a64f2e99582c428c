package io.hotline.command.units;

import io.hotline.command.policy.UnitDirectoryLookup;
import io.hotline.kernel.units.UnitKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

/**
 * The command side's own view of the 单位目录: the tree of units in memory, for the rules that ask where a unit sits
 * (dispatch down within one's subtree) and for the dispatch catalogue (is its unit in service, which district serves
 * an area). Every lookup is a map lookup; nothing here reads a store per question.
 * <p>
 * <b>Fed from the directory's own stream, not from a tracking processor.</b> The directory is one aggregate, so
 * its events are one keyed stream ({@link UnitDirectory#ID}) of a few thousand events at most. Reading that stream
 * at start costs a keyed read per commit of the directory, where a processor replaying from the start at each boot
 * would read every case event of the log (millions) to find them; and a processor registered with Axon would take
 * part in the segment share between nodes, while every command node needs the whole tree. The tree then keeps
 * current two ways: the directory's events committed on this node are applied as soon as their unit of work commits
 * (an administrator's change is seen by the next request on the node), and a poll every {@code app.units.tree-poll}
 * asks the store how far the stream reaches ({@link StreamHeads}, one keyed read) and reads what other nodes
 * appended, if anything.
 * <p>
 * Unknown codes answer empty or false; the directory may be empty (codes are then typed freely).
 */
@Component
public class UnitTree implements UnitDirectoryLookup {

    private static final Logger log = LoggerFactory.getLogger(UnitTree.class);

    private final LongFunction<List<DomainEventMessage<?>>> stream;
    private final StreamHeads heads;
    private final ZoneId zone;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile UnitTreeSnapshot snapshot;

    /**
     * A unit as the tree holds it: its current names, kind, parent (null: a root), the area codes it serves, its
     * service dates ({@code lastDay} null while no retirement is recorded) and its successor, if merged.
     */
    public record Unit(String code, String fullName, String shortName, UnitKind kind, String parent,
                       List<String> areaCodes, LocalDate inServiceFrom, LocalDate lastDay, String successor,
                       boolean demo) {

        public Unit {
            areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
        }

        /** Entered service on or before {@code day} and, if retired, not past its last day. */
        public boolean inServiceOn(LocalDate day) {
            return (inServiceFrom == null || !day.isBefore(inServiceFrom)) && (lastDay == null || !day.isAfter(lastDay));
        }
    }

    /** The tree of the directory in {@code events}, polled when {@code heads} (if any) says its stream grew. */
    @Autowired
    public UnitTree(EventStore events, ZoneId zone, Optional<StreamHeads> heads) {
        this(from -> read(events, from), heads.orElse(null), zone);
        events.subscribe(this::published);
    }

    /** A tree without the store's heads: each poll reads the directory's stream. */
    public UnitTree(EventStore events, ZoneId zone) {
        this(events, zone, Optional.empty());
    }

    private UnitTree(LongFunction<List<DomainEventMessage<?>>> stream, StreamHeads heads, ZoneId zone) {
        this.stream = stream;
        this.heads = heads;
        this.zone = zone;
    }

    /** A tree made of these directory events (for tests, and for tools that hold the events already). */
    public static UnitTree of(ZoneId zone, Object... events) {
        UnitTree tree = new UnitTree(from -> List.of(), null, zone);
        tree.snapshot = UnitTreeSnapshot.EMPTY.with(List.of(events), -1);
        return tree;
    }

    // ------------------------------------------------------------------ the questions

    /** The unit with this code, retired or not. */
    public Optional<Unit> find(String code) {
        return Optional.ofNullable(code == null ? null : current().units().get(code));
    }

    /** Whether the unit is in service on the day (in the city's zone) of {@code at}: entered service, not retired. */
    public boolean inService(String code, Instant at) {
        return inService(code, LocalDate.ofInstant(at, zone));
    }

    /** Whether the unit is in service on {@code day}; false for a code the directory does not know. */
    public boolean inService(String code, LocalDate day) {
        return find(code).map(unit -> unit.inServiceOn(day)).orElse(false);
    }

    public Optional<UnitKind> kind(String code) {
        return find(code).map(Unit::kind);
    }

    /** The unit's parent; empty for a root or an unknown code. */
    public Optional<String> parent(String code) {
        return find(code).map(Unit::parent);
    }

    /**
     * Whether {@code unit} is {@code ancestor} or sits anywhere under it. A code is always within itself, even one
     * the directory does not know (an empty directory still lets a unit act on its own cases).
     */
    public boolean isWithin(String ancestor, String unit) {
        if (ancestor == null || unit == null) {
            return false;
        }
        UnitTreeSnapshot tree = current();
        String at = unit;
        // The directory refuses cycles; the bound only keeps a damaged tree from looping here.
        for (int steps = 0; at != null && steps <= tree.units().size(); steps++) {
            if (at.equals(ancestor)) {
                return true;
            }
            Unit node = tree.units().get(at);
            at = node == null ? null : node.parent();
        }
        return false;
    }

    /** The codes of the units directly under {@code code} (retired ones too), in code order; null: the roots. */
    public List<String> children(String code) {
        return current().children().getOrDefault(code == null ? UnitTreeSnapshot.ROOT : code, List.of());
    }

    /** Every unit, in no particular order. */
    public Collection<Unit> units() {
        return current().units().values();
    }

    @Override
    public boolean isEmpty() {
        return current().units().isEmpty();
    }

    /**
     * The unit of one of {@code kinds}, in service on {@code day}, whose area codes cover {@code area} most
     * specifically (see {@link AreaCodes}); empty when none does.
     */
    public Optional<Unit> serving(String area, Collection<UnitKind> kinds, LocalDate day) {
        if (area == null || area.isBlank()) {
            return Optional.empty();
        }
        Unit best = null;
        int bestLength = -1;
        for (Unit unit : current().units().values()) {
            if (!kinds.contains(unit.kind()) || !unit.inServiceOn(day)) {
                continue;
            }
            for (String served : unit.areaCodes()) {
                String prefix = AreaCodes.significant(served);
                boolean better = prefix.length() > bestLength
                        || prefix.length() == bestLength && best != null && unit.code().compareTo(best.code()) < 0;
                if (area.strip().startsWith(prefix) && better) {
                    best = unit;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public Optional<ListedUnit> unit(String code) {
        return find(code).map(unit -> new ListedUnit(unit.code(), unit.shortName(), unit.fullName(), unit.kind(),
                unit.inServiceFrom(), unit.lastDay(), unit.successor()));
    }

    @Override
    public Optional<ListedUnit> districtServing(String area, LocalDate day) {
        return serving(area, Set.of(UnitKind.DISTRICT), day).flatMap(unit -> unit(unit.code()));
    }

    /** Called after the tree changed (on the thread that changed it); listeners must not throw. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ keeping current

    /** Reads what the directory's stream holds beyond the tree's last event (other nodes' changes). */
    @Scheduled(fixedDelayString = "${app.units.tree-poll:PT5S}", initialDelayString = "${app.units.tree-poll:PT5S}")
    public void refresh() {
        try {
            UnitTreeSnapshot held = snapshot;
            if (held != null && heads != null
                    && heads.lastSequence(UnitDirectory.ID).orElse(-1) <= held.lastSequence()) {
                return; // one keyed read: the stream has not grown
            }
            catchUp(List.of());
        } catch (RuntimeException e) {
            log.warn("Could not read the unit directory's new events; trying again at the next poll", e);
        }
    }

    private UnitTreeSnapshot current() {
        UnitTreeSnapshot held = snapshot;
        if (held == null) {
            catchUp(List.of());
            held = snapshot;
        }
        return held;
    }

    /** Applies the directory's committed events in sequence; a gap (or the first use) reads the stream instead. */
    private void catchUp(List<DomainEventMessage<?>> published) {
        boolean changed;
        synchronized (this) {
            UnitTreeSnapshot before = snapshot == null ? UnitTreeSnapshot.EMPTY : snapshot;
            long next = before.lastSequence() + 1;
            // With the heads, the stream is read only when it grew, so a commit starts right after the last event held
            // (the tree holds whole commits) and the store finds it by key. Without them, from the last event held: a
            // single change (one event) starts there, where asking one past the end makes the store walk the stream.
            long from = heads != null ? next : Math.max(0, before.lastSequence());
            List<DomainEventMessage<?>> events = !published.isEmpty() && published.get(0).getSequenceNumber() == next
                    && snapshot != null ? published : stream.apply(snapshot == null ? 0 : from);
            List<Object> payloads = new ArrayList<>();
            long last = before.lastSequence();
            for (DomainEventMessage<?> event : events) {
                if (event.getSequenceNumber() == last + 1) {
                    payloads.add(event.getPayload());
                    last = event.getSequenceNumber();
                }
            }
            snapshot = before.with(payloads, last);
            changed = !payloads.isEmpty();
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Events published on this node: the directory's are applied once their unit of work has committed. */
    private void published(List<? extends EventMessage<?>> events) {
        List<DomainEventMessage<?>> ours = new ArrayList<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && UnitDirectory.ID.equals(domain.getAggregateIdentifier())) {
                ours.add(domain);
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        Runnable apply = () -> {
            try {
                catchUp(ours);
            } catch (RuntimeException e) {
                log.warn("Could not apply the unit directory's new events; the next poll reads them", e);
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> apply.run());
        } else {
            apply.run();
        }
    }

    private static List<DomainEventMessage<?>> read(EventStore events, long from) {
        List<DomainEventMessage<?>> read = new ArrayList<>();
        DomainEventStream stream = events.readEvents(UnitDirectory.ID, from);
        stream.forEachRemaining(read::add);
        return read;
    }
}
