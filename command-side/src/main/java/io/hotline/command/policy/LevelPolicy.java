package io.hotline.command.policy;

import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.units.UnitKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 分级时限: the limits of a level below the unit the hotline dispatched to (a street below its district, a community
 * below its street), configured per kind of unit as the service levels are per category. A level without its own
 * limits takes the service levels'. A lower level never gets more time than the unit that sent it the case has
 * left: its completion deadline is capped at the sender's, because the sender answers for the case on its own
 * clock (首问负责 across levels). Whether a reply drafted at a level goes up for review (办结审核) before it reaches
 * the citizen is configured per kind too.
 */
public final class LevelPolicy {

    /** What applies when no level says otherwise: review within one working day, not required. */
    public static final TimeLimit DEFAULT_REVIEW = TimeLimit.of(1, TimeLimit.Unit.WORKING_DAYS);

    /**
     * One level's limits.
     *
     * @param kind              the kind of unit receiving the case
     * @param signFor           its time to sign for (null: the service level's)
     * @param finish            its time to reply once signed (null: the service level's)
     * @param review            the sender's time to review a reply drafted at this level (null: one working day)
     * @param reviewBeforeReply whether a reply drafted at this level goes up for review (办结审核)
     */
    public record Level(UnitKind kind, TimeLimit signFor, TimeLimit finish, TimeLimit review,
                        boolean reviewBeforeReply) {
        public Level {
            Objects.requireNonNull(kind, "app.policy.levels[n].kind is required");
        }
    }

    private final Map<UnitKind, Level> levels;
    private final DeadlinePolicy serviceLevels;
    private final LimitClock clock;

    /** Turns a level's limit into a deadline on its time base ({@link WorkingTimeDeadlinePolicy#within}). */
    @FunctionalInterface
    public interface LimitClock {
        Deadline within(DeadlineKind kind, TimeLimit limit, Instant from);
    }

    /**
     * @param serviceLevels the case's own service levels, for what a level does not set
     * @param clock         the working-time arithmetic for the levels' own limits
     * @throws IllegalArgumentException when a kind is listed twice
     */
    public LevelPolicy(List<Level> levels, DeadlinePolicy serviceLevels, LimitClock clock) {
        this.levels = levels.stream().collect(Collectors.toUnmodifiableMap(Level::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("app.policy.levels lists " + a.kind() + " twice");
                }));
        this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The receiving unit's time to sign for a case sent down to it at {@code from}. */
    public Deadline signFor(UnitKind kind, Category category, Urgency urgency, Instant from) {
        return level(kind).map(Level::signFor)
                .map(limit -> clock.within(DeadlineKind.SIGN_FOR, limit, from))
                .orElseGet(() -> serviceLevels.signFor(category, urgency, from));
    }

    /** The lower unit's time to reply once it signed at {@code from}, never past the sender's own deadline. */
    public Deadline completion(UnitKind kind, Category category, Urgency urgency, Instant from, Deadline sender) {
        Deadline own = level(kind).map(Level::finish)
                .map(limit -> clock.within(DeadlineKind.COMPLETION, limit, from))
                .orElseGet(() -> serviceLevels.completion(category, urgency, from));
        if (sender == null || !own.due().isAfter(sender.due())) {
            return own;
        }
        Instant warnAt = own.warnAt().isBefore(sender.warnAt()) ? own.warnAt() : sender.warnAt();
        return new Deadline(DeadlineKind.COMPLETION, from, warnAt.isBefore(from) ? from : warnAt, sender.due());
    }

    /** The sender's time to review a reply drafted at this level, from {@code from}. */
    public Deadline review(UnitKind kind, Instant from) {
        TimeLimit limit = level(kind).map(Level::review).orElse(DEFAULT_REVIEW);
        return clock.within(DeadlineKind.REVIEW, limit, from);
    }

    /** Whether a reply drafted by a unit of this kind, below another, goes up for review before the citizen. */
    public boolean reviewBeforeReply(UnitKind kind) {
        return level(kind).map(Level::reviewBeforeReply).orElse(false);
    }

    private Optional<Level> level(UnitKind kind) {
        return Optional.ofNullable(kind).map(levels::get);
    }
}
