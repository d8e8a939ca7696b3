package org.run78.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayeringTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.run78");

    @Test
    void theDomainKnowsNothingOfAwsHttpOrStorage() {
        noClasses().that().resideInAPackage("org.run78.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "org.run78.store..", "org.run78.queue..",
                        "org.run78.http..", "org.run78.handlers..", "org.run78.app..")
                .check(CLASSES);
    }

    @Test
    void onlyStoresAndQueuesTalkToAwsServices() {
        noClasses().that().resideOutsideOfPackages("org.run78.store..", "org.run78.queue..", "org.run78.app..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..")
                .check(CLASSES);
    }

    @Test
    void handlersDoNotReachIntoStoresDirectly() {
        noClasses().that().resideInAPackage("org.run78.handlers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.run78.store..", "org.run78.queue..")
                .check(CLASSES);
    }
}
