package io.hotline.query.figures.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures' own copy of the unit tree: each unit's parent, as the directory's events set them, in the order of
 * the log. The figures' processor keeps it beside the buckets (one document per generation), so a case is booked
 * under the tree of the moment it met a unit, and a rebuild, reading the same log, books the same subtree buckets.
 * The directory's read model is not asked: it may be ahead of or behind the figures' processor.
 */
public final class FigureTree {

    /** Deeper than any directory: a guard against a cycle the directory would have refused. */
    private static final int DEPTH = 32;

    private final Map<String, String> parents;

    public FigureTree() {
        this(new LinkedHashMap<>());
    }

    FigureTree(Map<String, String> parents) {
        this.parents = parents;
    }

    /** Puts the unit under {@code parent} (null or blank: a root); a unit placed again moves. */
    public void place(String unit, String parent) {
        parents.put(unit, parent == null || parent.isBlank() ? null : parent);
    }

    /**
     * The unit's ancestors from its root down to its parent; none for a root or a unit the tree does not know (a
     * unit code from before the directory, the hotline).
     */
    public List<String> ancestors(String unit) {
        List<String> above = new ArrayList<>();
        String parent = parents.get(unit);
        while (parent != null && above.size() < DEPTH && !parent.equals(unit) && !above.contains(parent)) {
            above.add(parent);
            parent = parents.get(parent);
        }
        Collections.reverse(above);
        return List.copyOf(above);
    }

    /** Each unit and its parent (null for a root), in the order they were first placed. */
    public Map<String, String> parents() {
        return Collections.unmodifiableMap(parents);
    }

    public FigureTree copy() {
        return new FigureTree(new LinkedHashMap<>(parents));
    }
}
