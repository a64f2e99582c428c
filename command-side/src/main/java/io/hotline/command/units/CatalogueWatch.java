package io.hotline.command.units;

import io.hotline.command.policy.CatalogueProblem;
import io.hotline.command.policy.ConfiguredDispatchCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells the administrator which entries of the 派单目录 point at units not in service: one WARN line per entry once
 * the application is ready (the directory is read by then), and again whenever a change of the directory changes
 * what is wrong (a unit retired, a missing unit entered). The same list answers
 * {@code GET /api/v1/admin/units/catalogue-problems}. Codes and names only: nothing personal goes to the log.
 */
@Component
class CatalogueWatch {

    private static final Logger log = LoggerFactory.getLogger(CatalogueWatch.class);

    private final ConfiguredDispatchCatalogue catalogue;
    private final UnitTree tree;
    private List<CatalogueProblem> reported = List.of();

    CatalogueWatch(ConfiguredDispatchCatalogue catalogue, UnitTree tree) {
        this.catalogue = catalogue;
        this.tree = tree;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        report(true);
        tree.onChange(() -> report(false));
    }

    private synchronized void report(boolean atStart) {
        List<CatalogueProblem> problems;
        try {
            problems = catalogue.problems();
        } catch (RuntimeException e) {
            log.warn("Could not check the dispatch catalogue against the unit directory", e);
            return;
        }
        if (!atStart && problems.equals(reported)) {
            return;
        }
        if (atStart && tree.isEmpty()) {
            log.info("The unit directory is empty: the dispatch catalogue's {} entries are taken as written until "
                    + "units are entered", catalogue.entries().size());
        }
        for (CatalogueProblem problem : problems) {
            log.warn("Dispatch catalogue entry {} -> {}: {} ({})", describe(problem.entry()), problem.entry().unit(),
                    problem.rule(), problem.detail());
        }
        if (problems.isEmpty() && !reported.isEmpty()) {
            log.info("Every entry of the dispatch catalogue names a unit in service again");
        }
        reported = problems;
    }

    static String describe(ConfiguredDispatchCatalogue.Entry entry) {
        return "[category " + (entry.category() == null ? "any" : entry.category()) + ", area "
                + (entry.areaPrefix().isEmpty() ? "any" : entry.areaPrefix() + "*") + "]";
    }
}
