package io.hotline.kernel.units;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit as the directory (单位目录) describes it: its code, full and short Chinese names, kind, parent (null for
 * a root), the area codes it serves (行政区划代码: six digits of GB/T 2260, or twelve of the statistical codes of
 * streets and communities), a contact line, and the day it entered service.
 */
public record UnitEntry(
        String code,
        String fullName,
        String shortName,
        UnitKind kind,
        String parent,
        List<String> areaCodes,
        String contact,
        LocalDate inServiceFrom) {

    public UnitEntry {
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
    }
}
