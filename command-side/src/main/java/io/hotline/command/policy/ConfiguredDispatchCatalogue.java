package io.hotline.command.policy;

import io.hotline.kernel.common.Category;

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
 * With no matching entry there is no proposal and the operator chooses.
 */
public final class ConfiguredDispatchCatalogue implements DispatchCatalogue {

    private static final Comparator<Entry> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Entry entry) -> entry.areaPrefix().length()).reversed()
            .thenComparing(entry -> entry.category() == null);

    private final List<Entry> entries;

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

    public ConfiguredDispatchCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
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

    /** The unit of the most specific entry matching the category and the area code, if any. */
    @Override
    public Optional<String> propose(Category category, String area) {
        Objects.requireNonNull(category, "category");
        String code = area == null ? null : area.strip();
        return entries.stream()
                .filter(entry -> entry.matches(category, code))
                .min(MOST_SPECIFIC_FIRST)
                .map(Entry::unit);
    }

    public List<Entry> entries() {
        return entries;
    }
}
