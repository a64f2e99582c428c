package io.hotline.query.readmodel;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two updates of one document as one update with the same effect, when the operators allow it: {@code $set} and
 * {@code $unset} (the later one of a field wins), {@code $addToSet} (the values of both, in order) and {@code $inc}
 * (the sum, when both amounts are of one integer type, so the stored type does not change). Anything else (another
 * operator, one field under two kinds of operator, a field and a field inside it, array filters) does not merge: the
 * two updates are then sent one after the other, as before.
 * <p>
 * Why: a read model that follows a case writes its document on every event of the case; in a rebuild a batch holds
 * several events of each case, and the citizen's tracking wrote a document per event where one per case and batch
 * does.
 */
final class UpdateMerge {

    private static final Set<String> MERGEABLE = Set.of("$set", "$unset", "$addToSet", "$inc");

    private UpdateMerge() {
    }

    /** {@code first} then {@code second}, as one update; empty when they do not merge. */
    static Optional<Update> merge(UpdateDefinition first, UpdateDefinition second) {
        if (first.hasArrayFilters() || second.hasArrayFilters()) {
            return Optional.empty(); // filters apply to one update's paths; merged they could reach the other's
        }
        Map<String, Change> fields = new LinkedHashMap<>();
        if (!add(fields, first.getUpdateObject()) || !add(fields, second.getUpdateObject())) {
            return Optional.empty();
        }
        Update merged = new Update();
        fields.forEach((field, change) -> change.applyTo(merged, field));
        return Optional.of(merged);
    }

    private static boolean add(Map<String, Change> fields, Document update) {
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            if (!MERGEABLE.contains(operation.getKey()) || !(operation.getValue() instanceof Document changes)) {
                return false;
            }
            for (Map.Entry<String, Object> change : changes.entrySet()) {
                if (!add(fields, operation.getKey(), change.getKey(), change.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean add(Map<String, Change> fields, String operator, String field, Object value) {
        for (String other : fields.keySet()) {
            if (other.startsWith(field + ".") || field.startsWith(other + ".")) {
                return false;
            }
        }
        Change before = fields.get(field);
        Change after = switch (operator) {
            case "$set", "$unset" -> before == null || before.replaceable() ? new Change(operator, value, null) : null;
            case "$addToSet" -> before == null ? new Change(operator, null, values(value))
                    : before.operator().equals(operator) ? before.with(values(value)) : null;
            case "$inc" -> before == null ? new Change(operator, value, null)
                    : before.operator().equals(operator) ? before.plus(value) : null;
            default -> null;
        };
        if (after == null) {
            return false;
        }
        fields.put(field, after);
        return true;
    }

    /** The values an {@code $addToSet} adds: its {@code $each}, or the one value. */
    private static List<Object> values(Object value) {
        if (value instanceof Update.Modifier modifier && "$each".equals(modifier.getKey())
                && modifier.getValue() instanceof Object[] each) {
            return Arrays.asList(each);
        }
        return List.of(value);
    }

    /** What an update does to one field. */
    private record Change(String operator, Object value, List<Object> added) {

        boolean replaceable() {
            return operator.equals("$set") || operator.equals("$unset");
        }

        Change with(List<Object> more) {
            List<Object> all = new ArrayList<>(added);
            all.addAll(more);
            return new Change(operator, null, all);
        }

        /** The sum of two amounts of one integer type; null (no merge) otherwise or on overflow. */
        Change plus(Object amount) {
            try {
                if (value instanceof Integer a && amount instanceof Integer b) {
                    return new Change(operator, Math.addExact(a, b), null);
                }
                if (value instanceof Long a && amount instanceof Long b) {
                    return new Change(operator, Math.addExact(a, b), null);
                }
            } catch (ArithmeticException overflow) {
                return null;
            }
            return null;
        }

        void applyTo(Update update, String field) {
            switch (operator) {
                case "$set" -> update.set(field, value);
                case "$unset" -> update.unset(field);
                case "$inc" -> update.inc(field, (Number) value);
                default -> {
                    // one value on its own: Update's $each would take a single collection for the values themselves
                    if (added.size() == 1) {
                        update.addToSet(field, added.get(0));
                    } else {
                        update.addToSet(field).each(added.toArray());
                    }
                }
            }
        }
    }
}
