package io.hotline.command.policy;

import io.hotline.kernel.common.Category;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 派单目录 from configuration: entries saying which unit leads a category of request in an area. The most
 * specific matching entry wins: the longest area prefix first, then an entry for the category over one for any
 * category. So a city-wide default, a bureau for one kind of request and a district's own unit can sit side by
 * side, and the order of the entries never matters.
 * <p>
 * It only proposes: the operator may dispatch elsewhere, and the case records that the proposal was overridden.
 * <p>
 * The units come from the 单位目录. An entry whose unit the directory does not know, or that is not in service
 * today, is passed over (the next more general entry proposes) and reported as a {@link CatalogueProblem}. The
 * district proposal is the district whose area codes cover the request's area; it is the lead proposal when no
 * entry matches. With an empty directory (a fresh installation) the entries stand as written and no district is
 * proposed; with no matching entry and no district there is no proposal and the operator chooses.
 */
public final class ConfiguredDispatchCatalogue implements DispatchCatalogue {

    private static final Comparator<Entry> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Entry entry) -> entry.areaPrefix().length()).reversed()
            .thenComparing(entry -> entry.category() == null);

    private final List<Entry> entries;
    private final UnitDirectoryLookup directory;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * One line of the catalogue.
     *
     * @param category   the request type it applies to; null for any
     * @param areaPrefix a prefix of the six-digit administrative area code ({@code "3706"} covers {@code "370602"});
     *                   empty (or null) for anywhere
     * @param unit       the code of the unit proposed as lead unit (主办)
     */
    public record Entry(Category category, String areaPrefix, String unit) {
        public Entry {
            areaPrefix = areaPrefix == null ? "" : areaPrefix.strip();
            if (!areaPrefix.matches("\\d{0,6}")) {
                throw new IllegalArgumentException("An area prefix is up to six digits of an area code, not '"
                        + areaPrefix + "'");
            }
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("The catalogue entry for " + (category == null ? "any category"
                        : category) + " in area '" + areaPrefix + "' names no unit");
            }
            unit = unit.strip();
        }

        boolean matches(Category requested, String area) {
            return (category == null || category == requested)
                    && (areaPrefix.isEmpty() || (area != null && area.startsWith(areaPrefix)));
        }
    }

    private record Key(Category category, String areaPrefix) {
    }

    /** A catalogue with no directory behind it: the entries stand as written. */
    public ConfiguredDispatchCatalogue(List<Entry> entries) {
        this(entries, UnitDirectoryLookup.NONE, Clock.systemUTC(), ZoneId.of("UTC"));
    }

    /** A catalogue whose units are checked against the directory on the city's day ({@code clock} in {@code zone}). */
    public ConfiguredDispatchCatalogue(List<Entry> entries, UnitDirectoryLookup directory, Clock clock, ZoneId zone) {
        this.entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        Map<Key, Entry> seen = new HashMap<>();
        for (Entry entry : this.entries) {
            Entry earlier = seen.putIfAbsent(new Key(entry.category(), entry.areaPrefix()), entry);
            if (earlier != null) {
                throw new IllegalArgumentException("The dispatch catalogue lists " + (entry.category() == null
                        ? "any category" : entry.category()) + " in area '" + entry.areaPrefix() + "' twice: "
                        + earlier.unit() + " and " + entry.unit());
            }
        }
    }

    /** The unit of the most specific usable entry matching the category and the area; else the area's district. */
    @Override
    public Optional<String> propose(Category category, String area) {
        return Optional.ofNullable(proposals(category, area).lead());
    }

    @Override
    public Proposals proposals(Category category, String area) {
        Objects.requireNonNull(category, "category");
        String code = area == null ? null : area.strip();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String department = entries.stream()
                .filter(entry -> entry.matches(category, code) && usable(entry.unit(), today))
                .min(MOST_SPECIFIC_FIRST)
                .map(Entry::unit)
                .orElse(null);
        String district = code == null || code.isEmpty() ? null
                : directory.districtServing(code, today).map(UnitDirectoryLookup.ListedUnit::code).orElse(null);
        return new Proposals(department != null ? department : district, department, district);
    }

    /** The entries pointing at units not in service today (or soon not), in the catalogue's order. */
    public List<CatalogueProblem> problems() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<CatalogueProblem> problems = new ArrayList<>();
        if (directory.isEmpty()) {
            return problems;
        }
        for (Entry entry : entries) {
            Optional<UnitDirectoryLookup.ListedUnit> listed = directory.unit(entry.unit());
            if (listed.isEmpty()) {
                problems.add(new CatalogueProblem(entry, CatalogueRule.UNKNOWN_UNIT, entry.unit()
                        + " is not in the unit directory"));
                continue;
            }
            UnitDirectoryLookup.ListedUnit unit = listed.get();
            String successor = unit.successor() == null ? "" : "; merged into " + unit.successor();
            if (unit.lastDay() != null && today.isAfter(unit.lastDay())) {
                problems.add(new CatalogueProblem(entry, CatalogueRule.OUT_OF_SERVICE, unit.code() + " ("
                        + unit.shortName() + ") left service after " + unit.lastDay() + successor));
            } else if (unit.inServiceFrom() != null && today.isBefore(unit.inServiceFrom())) {
                problems.add(new CatalogueProblem(entry, CatalogueRule.NOT_YET_IN_SERVICE, unit.code() + " ("
                        + unit.shortName() + ") enters service on " + unit.inServiceFrom()));
            } else if (unit.lastDay() != null) {
                problems.add(new CatalogueProblem(entry, CatalogueRule.RETIRING, unit.code() + " ("
                        + unit.shortName() + ") leaves service after " + unit.lastDay() + successor));
            }
        }
        return problems;
    }

    /** Whether the operator can dispatch to the unit today: any code while the directory is empty. */
    private boolean usable(String unit, LocalDate today) {
        return directory.isEmpty() || directory.unit(unit).map(listed -> listed.inServiceOn(today)).orElse(false);
    }

    /** The directory the entries are checked against. */
    public UnitDirectoryLookup directory() {
        return directory;
    }

    public List<Entry> entries() {
        return entries;
    }
}
