package io.hotline.query.search;

import io.hotline.query.caseview.CaseList;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link CaseFilter} into a MongoDB query on the case views. Every value the reader typed goes in as a
 * value, never as an operator; free text becomes a case-insensitive pattern only after every character that
 * could mean something to a regular expression is escaped, so "a.*" finds the three characters "a.*".
 */
public final class CaseSearch {

    private CaseSearch() {
    }

    /**
     * The orders a search's results can come in, across all pages: newest first (the default), or as a working list
     * sorts (the board's 按截止时间, 按超期时长, 按类别, 按单位). Each ends on the id, so that paging never repeats or
     * skips a case. A case without a pending deadline has no {@code nextDue}: MongoDB puts it first when ascending.
     */
    public enum Order {
        NEWEST(Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.asc("_id"))),
        DEADLINE(Sort.by(Sort.Order.asc("nextDue"), Sort.Order.asc("_id"))),
        /** Longest overdue first: the deadline passed earliest, which is the nearest deadline first. */
        OVERDUE(Sort.by(Sort.Order.asc("nextDue"), Sort.Order.asc("_id"))),
        CATEGORY(Sort.by(Sort.Order.asc("category"), Sort.Order.asc("nextDue"), Sort.Order.asc("_id"))),
        UNIT(Sort.by(Sort.Order.asc("leadUnit"), Sort.Order.asc("nextDue"), Sort.Order.asc("_id")));

        private final Sort sort;

        Order(Sort sort) {
            this.sort = sort;
        }

        public Sort sort() {
            return sort;
        }
    }

    /** The query for a filter at {@code now} (overdue is decided against it), newest first, without paging. */
    public static Query query(CaseFilter filter, Instant now) {
        return query(filter, now, Order.NEWEST);
    }

    /** The query for a filter at {@code now} in the given order, without paging. */
    public static Query query(CaseFilter filter, Instant now, Order order) {
        List<Criteria> all = new ArrayList<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            all.add(Criteria.where("status").in(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.unit() != null) {
            all.add(Criteria.where("currentUnits").is(filter.unit()));
        }
        if (filter.scopeUnits() != null) {
            all.add(Criteria.where("involvedUnits").in(filter.scopeUnits()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("category").is(filter.category().name()));
        }
        if (filter.channel() != null) {
            all.add(Criteria.where("channel").is(filter.channel().name()));
        }
        if (filter.urgency() != null) {
            all.add(Criteria.where("urgency").is(filter.urgency().name()));
        }
        if (filter.areaPrefix() != null) {
            all.add(Criteria.where("area").regex("^" + literal(filter.areaPrefix())));
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            all.add(Criteria.where("nextDue").lte(now));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            all.add(new Criteria().orOperator(Criteria.where("nextDue").is(null), Criteria.where("nextDue").gt(now)));
        }
        if (filter.from() != null) {
            all.add(Criteria.where("registeredAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            all.add(Criteria.where("registeredAt").lt(filter.to()));
        }
        if (filter.text() != null) {
            String pattern = literal(filter.text());
            all.add(new Criteria().orOperator(Criteria.where("title").regex(pattern, "i"),
                    Criteria.where("content").regex(pattern, "i")));
        }
        if (filter.phoneHash() != null) {
            all.add(Criteria.where("citizen.phoneHash").is(filter.phoneHash()));
        }
        if (filter.number() != null) {
            all.add(Criteria.where("caseNumbers").is(filter.number()));
        }
        if (filter.pending() == CaseFilter.Pending.OBJECTION) {
            // the coordinator's: an objection from below is the sending unit's to decide
            all.add(Criteria.where("pendingObjection").ne(null));
            all.add(new Criteria().orOperator(Criteria.where("above").exists(false), Criteria.where("above").size(0)));
        } else if (filter.pending() == CaseFilter.Pending.EXTENSION) {
            all.add(Criteria.where("pendingExtension").ne(null));
        } else if (filter.pending() == CaseFilter.Pending.REVIEW) {
            all.add(Criteria.where("pendingReview").ne(null));
        }
        Query query = all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
        return query.with(order.sort());
    }

    /**
     * The text as a pattern that matches exactly that text: every ASCII character that is not a letter or a
     * digit is escaped (a backslash before punctuation or a space means the character itself, in MongoDB's
     * PCRE and in Java alike); letters, digits and non-ASCII characters (Chinese) are never special.
     */
    public static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(point -> {
            if (point < 128 && !Character.isLetterOrDigit(point)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(point);
        });
        return pattern.toString();
    }

    /** The fields a result line needs, so a search does not carry whole views over the wire. */
    static Query summaryFields(Query query) {
        query.fields().include("caseNumber", "caseNumbers", "status", "channel", "category", "urgency", "area",
                "title", "citizen", "leadUnit", "accountableUnit", "assistingUnits", "registeredAt", "signForDeadline",
                "completionDeadline", "nextDue", "supervised", "version", "pendingObjection", "pendingExtension",
                CaseList.POSITION);
        return query;
    }
}
