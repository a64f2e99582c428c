package io.hotline.kernel.units;

import java.util.Set;

/**
 * What kind of body a unit is, which fixes where it may sit in the tree: the organisation is City → district or
 * county → street or town → community, beside the city's departments and utilities.
 */
public enum UnitKind {
    /** 12345 热线: the hotline itself; it dispatches, it is never ranked as a handling unit. */
    HOTLINE("热线"),
    /** 市直部门: a department of the city government (or of a district, under it). */
    CITY_DEPARTMENT("部门"),
    /** 区县(市): a district, a county or a county-level city. */
    DISTRICT("区县"),
    /** 镇街: a street office or a town. */
    STREET("镇街"),
    /** 村居: a community or a village. */
    COMMUNITY("村居"),
    /** 公共服务企业: water, power, gas, heating, telecom. */
    UTILITY("公共服务企业");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kinds a unit of this kind may sit under; empty: it must be a root. */
    public Set<UnitKind> parentKinds() {
        return switch (this) {
            case HOTLINE, DISTRICT -> Set.of();
            case CITY_DEPARTMENT, UTILITY -> Set.of(DISTRICT);
            case STREET -> Set.of(DISTRICT);
            case COMMUNITY -> Set.of(STREET);
        };
    }

    /** Whether a unit of this kind may stand at the top of the tree, with no parent. */
    public boolean mayBeRoot() {
        return this != STREET && this != COMMUNITY;
    }
}
