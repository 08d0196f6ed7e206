package dev.limajunit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.config.VmType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InstanceSpecReaderTest {

    @Test
    void readsEveryModelledField() {
        SpecReading reading = LimaYaml.parse("""
                vmType: qemu
                mountType: 9p
                mountInotify: true
                cpus: 2
                memory: 2GiB
                disk: 20GiB
                mountTypesUnsupported: [virtiofs]
                mounts:
                - location: "~/src"
                  mountPoint: /mnt/src
                  writable: true
                  sshfs: {cache: false, followSymlinks: true, sftpDriver: builtin}
                  9p: {securityModel: mapped-xattr, protocolVersion: 9p2000.u, msize: 256KiB, cache: loose}
                  virtiofs: {queueSize: 512}
                - location: /data
                """).readSpec();

        assertThat(reading.issues()).isEmpty();
        InstanceSpec spec = reading.spec();
        assertThat(spec.vmType()).isEqualTo(VmType.QEMU);
        assertThat(spec.mountType()).isEqualTo(MountType.NINEP);
        assertThat(spec.mountInotify()).isTrue();
        assertThat(spec.cpus()).isEqualTo(2);
        assertThat(spec.memory()).isEqualTo("2GiB");
        assertThat(spec.disk()).isEqualTo("20GiB");
        assertThat(spec.mountTypesUnsupported()).containsExactly(MountType.VIRTIOFS);
        assertThat(spec.mounts()).containsExactly(
                new MountSpec("~/src", "/mnt/src", true,
                        new SshfsOptions(false, true, "builtin"),
                        new NinePOptions("mapped-xattr", "9p2000.u", "256KiB", "loose"),
                        new VirtiofsOptions(512)),
                MountSpec.of("/data"));
    }

    @Test
    void defaultAndNullMeanUnset() {
        InstanceSpec spec = LimaYaml.parse("vmType: default\nmountType: default\nmountInotify: null\nmounts: null\n")
                .readSpec().spec();

        assertThat(spec.vmType()).isNull();
        assertThat(spec.mountType()).isNull();
        assertThat(spec.mountInotify()).isNull();
        assertThat(spec.mounts()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    // CHECKSTYLE.OFF: LineLength (table rows)
    @CsvSource(delimiter = '|', textBlock = """
            mountType: nfs                                 | mountType                | mountType "nfs" is not one of "reverse-sshfs", "9p", "virtiofs", "wsl2"
            vmType: firecracker                            | vmType                   | vmType "firecracker" is not one of "qemu", "vz", "wsl2", "krunkit"
            mountTypesUnsupported: [9p, smb]               | mountTypesUnsupported[1] | mountTypesUnsupported[1] "smb" is not one of "reverse-sshfs"
            mountInotify: "yes"                            | mountInotify             | mountInotify "yes" is not a boolean (true or false)
            cpus: many                                     | cpus                     | cpus "many" is not a whole number
            mounts: {location: /x}                         | mounts                   | is not a list of mounts
            'mounts: [{location: /x, writable: "true"}]'   | mounts[0].writable       | mounts[0] (/x): writable "true" is not a boolean (true or false)
            'mounts: [{location: /x, 9p: fast}]'           | mounts[0].9p             | mounts[0] (/x): 9p "fast" is not a mapping of 9p options
            'mounts: [{location: /x, virtiofs: {queueSize: big}}]' | mounts[0].virtiofs.queueSize | mounts[0] (/x): virtiofs.queueSize "big" is not a whole number
            'mounts: [/x]'                                 | mounts[0]                | mounts[0] is the text "/x", not a mapping with a location
            """)
    // CHECKSTYLE.ON: LineLength
    void badValuesAreErrorsNamingTheFieldNotCrashes(String yaml, String field, String message) {
        SpecReading reading = LimaYaml.parse(yaml).readSpec();

        assertThat(reading.issues()).filteredOn(ValidationIssue::isError).singleElement()
                .satisfies(issue -> assertThat(issue.field()).isEqualTo(field))
                .satisfies(issue -> assertThat(issue.message()).contains(message));
    }

    @Test
    void aBadValueLeavesTheOtherFieldsRead() {
        SpecReading reading = LimaYaml.parse("mountType: nfs\nmounts: [{location: /x}]\ncpus: 3\n").readSpec();

        assertThat(reading.spec().mountType()).isNull();
        assertThat(reading.spec().mounts()).containsExactly(MountSpec.of("/x"));
        assertThat(reading.spec().cpus()).isEqualTo(3);
    }

    @Test
    void aNumericMsizeIsKeptAsText() {
        assertThat(LimaYaml.parse("mounts: [{location: /x, 9p: {msize: 65536}}]").readSpec().spec()
                .mounts().get(0).ninep().msize()).isEqualTo("65536");
    }

    @Test
    void notYamlIsAnErrorWithThePosition() {
        assertThatThrownBy(() -> LimaYaml.parse("mounts: [\n  - location: ~\n  bad"))
                .isInstanceOf(LimaYamlException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("line");
    }
}
