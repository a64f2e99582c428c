package io.hotline.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the one-way dependencies of the design card true: shared-kernel <- command-side, query-side <- infra. */
@AnalyzeClasses(packages = "io.hotline", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule theKernelIsPlainJava = noClasses().that().resideInAPackage("io.hotline.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                    "org.bson..", "io.hotline.command..", "io.hotline.query..", "io.hotline.infra..");

    @ArchTest
    static final ArchRule theCommandSideNeverReadsViews = noClasses().that().resideInAPackage("io.hotline.command..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hotline.query..", "io.hotline.infra..");

    @ArchTest
    static final ArchRule theQuerySideNeverLoadsAggregates = noClasses().that().resideInAPackage("io.hotline.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hotline.command..", "io.hotline.infra..",
                    "org.axonframework.modelling.command..", "org.axonframework.eventsourcing..");
}
