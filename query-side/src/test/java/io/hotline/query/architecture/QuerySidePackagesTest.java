package io.hotline.query.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the query side's feature packages one-way: a read model registers itself with the read-model machinery
 * (its {@code ReadModelProjection} bean) instead of the machinery naming every read model, so no two packages
 * ever need each other.
 */
@AnalyzeClasses(packages = "io.hotline.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySidePackagesTest {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.hotline.query.(*)..")
            .should().beFreeOfCycles();

    /** The figures' concepts build on each other one way: buckets, facts, the ledger, answers, ranking, queries. */
    @ArchTest
    static final ArchRule figuresConceptsAreFreeOfCycles = slices().matching("io.hotline.query.figures.(*)..")
            .should().beFreeOfCycles();
}
