package io.hotline.query.units;

import io.hotline.kernel.units.UnitKind;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit as readers see it: names, kind (with its Chinese label), parent and path, areas, contact, service dates,
 * whether it is in service today, whether it came with the demo directory, and every name it has had.
 */
public record UnitView(String code, String fullName, String shortName, String kind, String kindLabel, String parent,
                       List<String> path, List<String> areaCodes, String contact, LocalDate inServiceFrom,
                       LocalDate lastDay, String successor, boolean inService, boolean demo, List<Name> names) {

    /** A name and the moment it was taken ({@code from} null: since the unit entered service). */
    public record Name(String fullName, String shortName, Instant from) {
    }

    static UnitView of(Document unit, LocalDate today) {
        UnitKind kind = UnitKind.valueOf(unit.getString("kind"));
        LocalDate lastDay = date(unit.getString("lastDay"));
        List<Name> names = unit.getList("names", Document.class, List.of()).stream()
                .map(name -> new Name(name.getString("fullName"), name.getString("shortName"),
                        name.getString("from") == null ? null : Instant.parse(name.getString("from"))))
                .sorted((a, b) -> a.from() == null ? -1 : b.from() == null ? 1 : a.from().compareTo(b.from()))
                .toList();
        return new UnitView(unit.getString("_id"), unit.getString("fullName"), unit.getString("shortName"),
                kind.name(), kind.label(), unit.getString("parent"), unit.getList("path", String.class, List.of()),
                unit.getList("areaCodes", String.class, List.of()), unit.getString("contact"),
                date(unit.getString("inServiceFrom")), lastDay, unit.getString("successor"),
                lastDay == null || !today.isAfter(lastDay), Boolean.TRUE.equals(unit.getBoolean("demo")), names);
    }

    /** The short name the unit had at {@code at}: what an old sentence shows. */
    public String shortNameAt(Instant at) {
        String name = shortName;
        for (Name taken : names) {
            if (taken.from() == null || !taken.from().isAfter(at)) {
                name = taken.shortName();
            }
        }
        return name;
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
