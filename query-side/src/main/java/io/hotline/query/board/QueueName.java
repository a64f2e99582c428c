package io.hotline.query.board;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The coordination board's queues (协调督办): what waits on the hotline's own people, each for the roles that act
 * on it, each in the order that puts the longest-waiting case on top. The web edge ({@code AccessRules}) names the
 * same roles; the board checks them again with the reader in hand.
 */
public enum QueueName {

    /** 异议: an objection awaits the hotline's lead designation or re-dispatch; oldest objection first. */
    OBJECTIONS(EnumSet.of(Role.COORDINATOR, Role.OPERATOR, Role.SUPERVISOR),
            entry -> entry.pendingObjection() == null ? null : entry.pendingObjection().at()),
    /** 延期: an extension request awaits approval; oldest request first. */
    EXTENSIONS(EnumSet.of(Role.COORDINATOR, Role.SUPERVISOR),
            entry -> entry.pendingExtension() == null ? null : entry.pendingExtension().at()),
    /** 超期: a pending deadline was recorded as missed; the one missed longest ago first. */
    OVERDUE(EnumSet.of(Role.SUPERVISOR, Role.COORDINATOR), QueueEntry::nextDue),
    /** 回访: answered (by a unit, or at intake), awaiting the call-back and closing; answered longest ago first. */
    CALLBACK(EnumSet.of(Role.OPERATOR), QueueEntry::answeredAt),
    /** 待派: registered and not yet dispatched; registered longest ago first. */
    REGISTERED(EnumSet.of(Role.OPERATOR), QueueEntry::registeredAt);

    private final Set<Role> readers;
    private final Comparator<QueueEntry> order;

    QueueName(Set<Role> readers, Function<QueueEntry, Instant> waitingSince) {
        this.readers = readers;
        this.order = Comparator.comparing(waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(QueueEntry::caseNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(QueueEntry::caseId);
    }

    /** The queue a path segment names ({@code objections}, {@code callback}, ...). */
    public static Optional<QueueName> inPath(String segment) {
        for (QueueName queue : values()) {
            if (queue.path().equals(segment)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    /** How the API names the queue: its name in lower case. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayBeReadBy(Actor reader) {
        return reader.roles().stream().anyMatch(readers::contains);
    }

    /** The order the queue is shown in: longest-waiting first, then by case number. */
    public Comparator<QueueEntry> order() {
        return order;
    }
}
