package io.hotline.command.units;

import io.hotline.command.policy.CatalogueProblem;
import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/units/catalogue-problems} (administrators): each entry of the 派单目录 that points at a
 * unit not in service, with the rule it breaks and what the directory knows of the unit (its name, last day and
 * successor), so the administrator can correct the catalogue.
 */
@RestController
class CatalogueProblemsController {

    private final ConfiguredDispatchCatalogue catalogue;
    private final UnitTree tree;

    CatalogueProblemsController(ConfiguredDispatchCatalogue catalogue, UnitTree tree) {
        this.catalogue = catalogue;
        this.tree = tree;
    }

    record Answer(int entries, boolean directoryEmpty, List<Map<String, Object>> problems) {
    }

    @GetMapping("/api/v1/admin/units/catalogue-problems")
    Answer problems() {
        List<Map<String, Object>> problems = catalogue.problems().stream().map(this::row).toList();
        return new Answer(catalogue.entries().size(), tree.isEmpty(), problems);
    }

    private Map<String, Object> row(CatalogueProblem problem) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("category", problem.entry().category());
        row.put("areaPrefix", problem.entry().areaPrefix());
        row.put("unit", problem.entry().unit());
        row.put("rule", problem.rule().name());
        row.put("reason", problem.rule().message());
        row.put("detail", problem.detail());
        tree.find(problem.entry().unit()).ifPresent(unit -> {
            row.put("unitName", unit.shortName());
            row.put("lastDay", unit.lastDay());
            row.put("successor", unit.successor());
        });
        return row;
    }
}
