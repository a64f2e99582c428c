package io.hotline.command.web;

import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import io.hotline.command.policy.DispatchCatalogue;
import io.hotline.kernel.common.Category;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;

/**
 * 派单目录 for the dispatch form: {@code GET /api/v1/dispatch-catalogue/proposal?category=&area=} answers the unit
 * the catalogue proposes as lead (null when no entry matches) and every unit the catalogue names, so the form can
 * offer them. Dispatch itself asks the catalogue again and records whether the operator overrode it.
 */
@RestController
class DispatchProposalController {

    /** The proposal for one request, and the catalogue's units. */
    record Proposal(Category category, String area, String unit, List<String> units) {
    }

    private final DispatchCatalogue catalogue;

    DispatchProposalController(DispatchCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/dispatch-catalogue/proposal")
    Proposal propose(@RequestParam String category, @RequestParam(required = false) String area) {
        Category requested = Arrays.stream(Category.values())
                .filter(value -> value.name().equalsIgnoreCase(category.strip()))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "category: must be one of " + Arrays.toString(Category.values())));
        if (area != null && !area.isBlank() && !area.strip().matches("\\d{1,6}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "area: must be up to six digits");
        }
        String code = area == null || area.isBlank() ? null : area.strip();
        List<String> units = catalogue instanceof ConfiguredDispatchCatalogue configured
                ? configured.entries().stream().map(ConfiguredDispatchCatalogue.Entry::unit).distinct().sorted().toList()
                : List.of();
        return new Proposal(requested, code, catalogue.propose(requested, code).orElse(null), units);
    }
}
