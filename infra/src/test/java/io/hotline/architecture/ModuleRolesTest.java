package io.hotline.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Each module keeps its role (docs/architecture.md): infra is the platform only, with no feature code, and no
 * package of the whole code depends on itself through others.
 */
@AnalyzeClasses(packages = "io.hotline", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRolesTest {

    /** Deciding, projecting and answering queries is feature code: it belongs to command-side or query-side. */
    @ArchTest
    static final ArchRule infraHandlesNoMessages = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("io.hotline.infra..")
            .should().beAnnotatedWith(CommandHandler.class)
            .orShould().beAnnotatedWith(EventHandler.class)
            .orShould().beAnnotatedWith(EventSourcingHandler.class)
            .orShould().beAnnotatedWith(SagaEventHandler.class)
            .orShould().beAnnotatedWith(QueryHandler.class);

    /** The platform's packages, and nothing else, in infra. */
    @ArchTest
    static final ArchRule infraHoldsOnlyThePlatform = classes()
            .that().resideInAPackage("io.hotline.infra..")
            .should().resideInAnyPackage("io.hotline.infra.eventstore..", "io.hotline.infra.mongo..",
                    "io.hotline.infra.processing..", "io.hotline.infra.privacy..", "io.hotline.infra.security..",
                    "io.hotline.infra.time..", "io.hotline.infra.cases..", "io.hotline.infra.commands..",
                    "io.hotline.infra.sides..", "io.hotline.infra.web..",
                    "io.hotline.infra.messaging..");

    /** infra's own endpoints are the platform's: who am I, accounts, API keys. Features answer from their side. */
    @ArchTest
    static final ArchRule infraEndpointsAreAccountsAndKeysOnly = classes()
            .that().resideInAPackage("io.hotline.infra..").and().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("io.hotline.infra.security..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.hotline.(**)").should().beFreeOfCycles();
}
