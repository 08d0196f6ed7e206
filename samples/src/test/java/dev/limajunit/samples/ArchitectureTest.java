package dev.limajunit.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The samples are what users copy: they use the API packages only, never lima-junit's or lima-core's internals. */
class ArchitectureTest {

    private static final JavaClasses SAMPLES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("dev.limajunit.samples");

    @Test
    void useOnlyApiPackages() {
        noClasses().that().resideInAPackage("dev.limajunit.samples..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.limajunit.junit.internal..", "dev.limajunit.junit.matrix..",
                        "dev.limajunit.core.cli..", "dev.limajunit.core.engine.qemu..",
                        "dev.limajunit.core.engine.limactl..", "dev.limajunit.core.engine.support..",
                        "dev.limajunit.core.process..",
                        "dev.limajunit.core.sftp..", "dev.limajunit.core.shell.ssh..")
                .check(SAMPLES);
    }
}
