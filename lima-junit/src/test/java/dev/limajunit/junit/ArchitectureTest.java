package dev.limajunit.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * lima-junit's shape. The API package and {@code internal} name each other by design (an annotation names its
 * extension, the extension reads the annotation), so the cycle rule covers the feature packages below the API.
 */
class ArchitectureTest {

    private static final JavaClasses JUNIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.limajunit.junit");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dev.limajunit.junit.(*)..").should().beFreeOfCycles().check(JUNIT);
    }

    @Test
    void theMachineryDoesNotReachIntoTheReport() {
        noClasses().that().resideInAPackage("dev.limajunit.junit.internal..").should().dependOnClassesThat()
                .resideInAPackage("dev.limajunit.junit.matrix..").check(JUNIT);
    }

    /**
     * Known and left for later: ConnectHint asks a QemuInstance for its ssh target, which belongs on Instance (the
     * qemu engine's files are being changed in parallel); every other class must keep to the engine API.
     */
    @Test
    void usesOnlyTheApiOfTheEngines() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.limajunit.junit.internal.ConnectHint").should()
                .dependOnClassesThat().resideInAnyPackage("dev.limajunit.core.engine.qemu..",
                "dev.limajunit.core.engine.limactl..", "dev.limajunit.core.shell.ssh..", "dev.limajunit.core.sftp..",
                "dev.limajunit.core.engine.support..", "dev.limajunit.core.process..").check(JUNIT);
    }
}
