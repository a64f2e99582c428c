package io.hotline.query.search;

import io.hotline.query.caseview.CaseView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A {@link CaseFilter} decided in memory on a case view, with the semantics of {@link CaseSearch#query}: the
 * search's fast paths fetch a few candidate views by {@code _id} and keep those this says match, and must give what
 * the query would. So, as MongoDB does:
 * <ul>
 * <li>the filter's moments are compared at milliseconds, the precision stored instants have (the driver cuts the
 * query's values to milliseconds too);</li>
 * <li>a missing field matches no comparison ({@code registeredAt >= from} is false without a registeredAt), while
 * "not overdue" also takes a case without a deadline;</li>
 * <li>free text is the query's pattern ({@link CaseSearch#literal}), found anywhere in the title or the content,
 * case-insensitively as the embedded store's regular expressions are (ASCII letters; Chinese has no case).</li>
 * </ul>
 */
final class CaseMatch implements Predicate<CaseView> {

    private final CaseFilter filter;
    private final Instant now;
    private final Instant from;
    private final Instant to;
    private final Pattern text;

    CaseMatch(CaseFilter filter, Instant now) {
        this.filter = filter;
        this.now = millis(now);
        this.from = millis(filter.from());
        this.to = millis(filter.to());
        this.text = filter.text() == null ? null
                : Pattern.compile(CaseSearch.literal(filter.text()), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public boolean test(CaseView view) {
        return status(view) && units(view) && kinds(view) && area(view) && overdue(view) && registered(view)
                && text(view) && phone(view) && number(view) && pending(view);
    }

    private boolean status(CaseView view) {
        return filter.statuses() == null || filter.statuses().isEmpty() || filter.statuses().contains(view.status());
    }

    private boolean units(CaseView view) {
        return (filter.unit() == null || view.currentUnits().contains(filter.unit()))
                && (filter.scopeUnit() == null || view.involvedUnits().contains(filter.scopeUnit()));
    }

    private boolean kinds(CaseView view) {
        return (filter.category() == null || filter.category() == view.category())
                && (filter.channel() == null || filter.channel() == view.channel())
                && (filter.urgency() == null || filter.urgency() == view.urgency());
    }

    private boolean area(CaseView view) {
        return filter.areaPrefix() == null || (view.area() != null && view.area().startsWith(filter.areaPrefix()));
    }

    private boolean overdue(CaseView view) {
        if (filter.overdue() == null) {
            return true;
        }
        boolean passed = view.nextDue() != null && !view.nextDue().isAfter(now);
        return filter.overdue() == passed;
    }

    private boolean registered(CaseView view) {
        Instant at = view.registeredAt();
        return (from == null || (at != null && !at.isBefore(from))) && (to == null || (at != null && at.isBefore(to)));
    }

    private boolean text(CaseView view) {
        return text == null || found(view.title()) || found(view.content());
    }

    private boolean found(String field) {
        return field != null && text.matcher(field).find();
    }

    private boolean phone(CaseView view) {
        return filter.phoneHash() == null
                || (view.citizen() != null && filter.phoneHash().equals(view.citizen().phoneHash()));
    }

    private boolean number(CaseView view) {
        return filter.number() == null || view.caseNumbers().contains(filter.number());
    }

    private boolean pending(CaseView view) {
        if (filter.pending() == null) {
            return true;
        }
        return switch (filter.pending()) {
            case OBJECTION -> view.pendingObjection() != null;
            case EXTENSION -> view.pendingExtension() != null;
        };
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
