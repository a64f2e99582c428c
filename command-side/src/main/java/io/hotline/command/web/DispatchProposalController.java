package io.hotline.command.web;

import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.command.policy.UnitDirectoryLookup;
import io.hotline.kernel.common.Category;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * 派单目录 for the dispatch form: {@code GET /api/v1/dispatch-catalogue/proposal?category=&area=} answers the unit
 * the catalogue proposes as lead ({@code unit}, null when nothing matches), the two it is chosen from (the
 * {@code department} an entry names for the category, the {@code district} whose area codes cover the area), every
 * unit the catalogue names, and the short names the unit directory gives these codes ({@code names}), so the form
 * shows both proposals by name. Dispatch itself asks the catalogue again and records whether the operator overrode it.
 */
@RestController
class DispatchProposalController {

    /** The proposal for one request, and the catalogue's units. */
    record Proposal(Category category, String area, String unit, List<String> units, String department,
                    String district, Map<String, String> names) {
    }

    private final DispatchCatalogue catalogue;
    private final UnitDirectoryLookup directory;

    DispatchProposalController(DispatchCatalogue catalogue, ObjectProvider<UnitDirectoryLookup> directory) {
        this.catalogue = catalogue;
        this.directory = directory.getIfAvailable(() -> UnitDirectoryLookup.NONE);
    }

    @GetMapping("/api/v1/dispatch-catalogue/proposal")
    Proposal propose(@RequestParam String category, @RequestParam(required = false) String area) {
        Category requested = Arrays.stream(Category.values())
                .filter(value -> value.name().equalsIgnoreCase(category.strip()))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "category: must be one of " + Arrays.toString(Category.values())));
        if (area != null && !area.isBlank() && !area.strip().matches("\\d{1,6}|\\d{12}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "area: must be up to six digits, or twelve");
        }
        String code = area == null || area.isBlank() ? null : area.strip();
        List<String> units = catalogue instanceof ConfiguredDispatchCatalogue configured
                ? configured.entries().stream().map(ConfiguredDispatchCatalogue.Entry::unit).distinct().sorted().toList()
                : List.of();
        DispatchCatalogue.Proposals proposals = catalogue.proposals(requested, code);
        Map<String, String> names = new LinkedHashMap<>();
        Stream.concat(Stream.of(proposals.lead(), proposals.department(), proposals.district()), units.stream())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(unit -> directory.unit(unit).ifPresent(listed -> names.put(unit, listed.shortName())));
        return new Proposal(requested, code, proposals.lead(), units, proposals.department(), proposals.district(),
                names);
    }
}
