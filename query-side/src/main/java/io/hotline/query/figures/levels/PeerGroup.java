package io.hotline.query.figures.levels;

import java.util.Comparator;
import java.util.List;

/**
 * The units a unit is ranked against (考核排名, like with like): units of the same kind under the same parent. So the
 * streets of one district are one group, the communities of one street another, the districts of the city one, the
 * city's departments one and the public utilities one (a district's own bureaus and utilities, which sit under the
 * district, form groups of their own). Units the directory does not know stay together in {@link #OTHER}, as all
 * units were ranked before the directory. The hotline itself is never ranked ({@link #NONE}).
 *
 * @param key    {@code KIND} for roots, {@code KIND:PARENT} under a parent, {@code OTHER}
 * @param level  the kind ({@code DISTRICT}, {@code STREET}, {@code COMMUNITY}, {@code CITY_DEPARTMENT},
 *               {@code UTILITY}) or {@code OTHER}
 * @param parent the parent's code; null for roots and for {@code OTHER}
 */
public record PeerGroup(String key, String level, String parent) {

    public static final String OTHER_LEVEL = "OTHER";
    public static final PeerGroup OTHER = new PeerGroup(OTHER_LEVEL, OTHER_LEVEL, null);
    /** The group of units never ranked: the hotline. */
    public static final PeerGroup NONE = new PeerGroup("NONE", "HOTLINE", null);

    /** The levels top-down, for the order groups are listed in (a bulletin's sections). */
    private static final List<String> ORDER = List.of("DISTRICT", "CITY_DEPARTMENT", "UTILITY", "STREET", "COMMUNITY",
            OTHER_LEVEL);

    /** Groups top-down (by level, then by parent). */
    public static final Comparator<PeerGroup> TOP_DOWN = Comparator
            .comparingInt((PeerGroup group) -> ORDER.indexOf(group.level()))
            .thenComparing(group -> group.parent() == null ? "" : group.parent());

    static PeerGroup of(UnitTree.Node node) {
        if (node == null) {
            return OTHER;
        }
        if ("HOTLINE".equals(node.kind())) {
            return NONE;
        }
        return node.parent() == null ? new PeerGroup(node.kind(), node.kind(), null)
                : new PeerGroup(node.kind() + ":" + node.parent(), node.kind(), node.parent());
    }

    /** Whether this group is asked for: {@code level} and {@code parent} each null for any. */
    public boolean matches(String wantedLevel, String wantedParent) {
        return (wantedLevel == null || wantedLevel.equals(level))
                && (wantedParent == null || wantedParent.equals(parent));
    }
}
