package io.arfollowup.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core stays free of frameworks: no AWS, Slack, Jackson, jakarta-mail, jsoup or any third-party library. */
class ArchitectureTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arfollowup.core");

    @Test
    void coreDependsOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.arfollowup.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.arfollowup.core..", "java..", "javax.crypto..")
                .because("the domain and use cases must not depend on AWS, Slack, Jackson or mail libraries")
                .check(core);
    }

    @Test
    void coreDoesNotKnowTheAdapters() {
        noClasses().that().resideInAPackage("io.arfollowup.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.arfollowup.adapters..", "io.arfollowup.functions..")
                .check(core);
    }
}
