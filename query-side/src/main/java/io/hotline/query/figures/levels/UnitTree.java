package io.hotline.query.figures.levels;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The unit directory as the figures need it: each unit's kind, parent and path (its ancestors from the root, then
 * itself, as the directory's read model keeps them). One snapshot is read per request, so a subtree is a filter over
 * a few thousand paths in memory and no request walks the tree per case.
 */
public final class UnitTree {

    /** No directory: every unit stands alone, in the "other" peer group. */
    public static final UnitTree EMPTY = new UnitTree(List.of());

    /** One unit: its code, kind (a {@code UnitKind} name), parent (null for a root) and path. */
    public record Node(String code, String kind, String parent, List<String> path) {
    }

    private final Map<String, Node> nodes;

    public UnitTree(Collection<Node> nodes) {
        this.nodes = nodes.stream().collect(Collectors.toMap(Node::code, Function.identity(), (a, b) -> b));
    }

    /**
     * The unit and every unit under it, by the directory's paths. A unit the directory does not know is its own
     * subtree: its figures are still asked for, alone.
     */
    public Set<String> subtree(String unit) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(unit);
        nodes.values().forEach(node -> {
            if (node.path().contains(unit)) {
                codes.add(node.code());
            }
        });
        return codes;
    }

    /** Whether {@code unit} is {@code ancestor} or sits anywhere under it. */
    public boolean isWithin(String ancestor, String unit) {
        Node node = nodes.get(unit);
        return unit.equals(ancestor) || node != null && node.path().contains(ancestor);
    }

    /** The unit's path from the root down to itself; a unit the directory does not know is its own path. */
    public List<String> path(String unit) {
        Node node = nodes.get(unit);
        return node == null ? List.of(unit) : node.path();
    }

    /** The peer group a unit is ranked in (see {@link PeerGroup#of}). */
    public PeerGroup peerGroup(String unit) {
        return PeerGroup.of(nodes.get(unit));
    }

    public boolean knows(String unit) {
        return nodes.containsKey(unit);
    }
}
