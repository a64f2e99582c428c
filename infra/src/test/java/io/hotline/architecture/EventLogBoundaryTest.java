package io.hotline.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The event log is reached only through its ports: the engine's own package knows how commits are stored; the
 * auditors' tools read through {@code io.hotline.query.audit.log.EventLog}, the platform through
 * {@code StoredPayloads}. Nobody else sees the engine's classes or the stored documents' layout.
 */
@AnalyzeClasses(packages = "io.hotline", importOptions = ImportOption.DoNotIncludeTests.class)
class EventLogBoundaryTest {

    @ArchTest
    static final ArchRule onlyTheEngineKnowsTheEngine = noClasses()
            .that().resideOutsideOfPackage("io.hotline.infra.eventstore..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("MongoCommitLogStorageEngine")
            .orShould().dependOnClassesThat().haveSimpleName("CommitLog")
            .orShould().dependOnClassesThat().haveSimpleName("EventChain");

    @ArchTest
    static final ArchRule theAuditToolsReadTheLogThroughTheirPort = noClasses()
            .that().resideInAPackage("io.hotline.query.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("io.hotline.infra..", "com.mongodb.client",
                    "org.axonframework.eventsourcing..");

    @ArchTest
    static final ArchRule noAuditFeatureLeftInInfra = noClasses()
            .should().resideInAPackage("io.hotline.infra.audit..");
}
