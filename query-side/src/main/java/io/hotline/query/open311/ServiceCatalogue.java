package io.hotline.query.open311;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.open311.Open311Services;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Our request types as Open311 services. A {@code service_code} is one of our {@link Category categories}
 * ({@code COMPLAINT}, {@code HELP} ...; see {@link Open311Services}): what decides the time limits, and with the
 * area what the dispatch catalogue (派单目录) proposes as lead unit. Each service's description names the units
 * the catalogue proposes for it, so an app can show where a report will go.
 * <p>
 * The attributes are what our intake needs and the standard's fields do not carry: {@code area}, the six-digit
 * administrative area code dispatch works with (optional when {@code app.open311.default-area} is set);
 * {@code urgency} (一般 / 紧急 / 危及生命财产安全), which sets the deadlines; and {@code title}, a short title
 * (taken from the description when left out).
 */
final class ServiceCatalogue {

    private final List<Line> catalogue;
    private final String defaultArea;

    /**
     * A line of the dispatch catalogue ({@code app.policy.dispatch.catalogue}) as the service descriptions quote
     * it. Read here from configuration, not from the command side's catalogue, so a query-only node lists the same
     * services; the command side checks the lines when it starts.
     *
     * @param category   the request type it applies to; null for any
     * @param areaPrefix a prefix of the area code; empty (or null) for anywhere
     * @param unit       the unit proposed as lead unit
     */
    record Line(Category category, String areaPrefix, String unit) {
        Line {
            areaPrefix = areaPrefix == null ? "" : areaPrefix.strip();
            unit = unit == null ? null : unit.strip();
        }
    }

    ServiceCatalogue(List<Line> catalogue, String defaultArea) {
        this.catalogue = List.copyOf(catalogue);
        this.defaultArea = defaultArea;
    }

    List<Open311Service> services() {
        return Arrays.stream(Category.values()).map(this::service).toList();
    }

    Optional<ServiceDefinition> definition(String serviceCode) {
        return Open311Services.category(serviceCode).map(category -> new ServiceDefinition(category.name(), attributes()));
    }

    private boolean areaRequired() {
        return defaultArea == null;
    }

    static String name(Category category) {
        return switch (category) {
            case CONSULTATION -> "咨询 Consultation";
            case HELP -> "求助 Help";
            case COMPLAINT -> "投诉 Complaint";
            case REPORT -> "举报 Report";
            case SUGGESTION -> "建议 Suggestion";
            case THANKS -> "感谢 Thanks";
        };
    }

    private Open311Service service(Category category) {
        return new Open311Service(category.name(), name(category), description(category), true, "realtime",
                category.name().toLowerCase(Locale.ROOT) + ", " + name(category).split(" ")[0], "12345");
    }

    /** What the request type is for, and which units the dispatch catalogue proposes for it, by area. */
    private String description(Category category) {
        String units = catalogue.stream()
                .filter(entry -> entry.category() == null || entry.category() == category)
                .map(entry -> (entry.areaPrefix().isEmpty() ? "anywhere" : "area " + entry.areaPrefix() + "*")
                        + (entry.category() == null ? " (any type)" : "") + ": " + entry.unit())
                .collect(Collectors.joining("; "));
        String purpose = switch (category) {
            case CONSULTATION -> "A question about a public service or policy.";
            case HELP -> "Asking for help with a problem in daily life (water, heating, roads ...).";
            case COMPLAINT -> "A complaint about a public service, a business or a public-space problem.";
            case REPORT -> "Reporting a violation of rules or laws.";
            case SUGGESTION -> "A suggestion for improving a public service.";
            case THANKS -> "Thanks or praise for a unit or a person.";
        };
        return units.isEmpty() ? purpose : purpose + " Usually handled by (dispatch catalogue) " + units + ".";
    }

    private List<ServiceDefinition.Attribute> attributes() {
        List<ServiceDefinition.Value> urgencies = Arrays.stream(Urgency.values())
                .map(urgency -> new ServiceDefinition.Value(urgency.name(), switch (urgency) {
                    case NORMAL -> "一般 Normal";
                    case URGENT -> "紧急 Urgent";
                    case EMERGENCY -> "危及生命财产安全 Danger to life or property";
                }))
                .toList();
        return List.of(
                new ServiceDefinition.Attribute(true, Open311Services.AREA, "string", areaRequired(),
                        "six digits, e.g. 370602", 1,
                        "行政区划代码: the administrative area (county or district) code where the matter is"
                                + (areaRequired() ? "" : "; " + defaultArea + " when left out"), null),
                new ServiceDefinition.Attribute(true, Open311Services.URGENCY, "singlevaluelist", false, null, 2,
                        "How urgent the matter is; it sets the time limits. Normal when left out.", urgencies),
                new ServiceDefinition.Attribute(true, Open311Services.TITLE, "string", false, "up to 200 characters", 3,
                        "A short title; the start of the description when left out.", null));
    }
}
