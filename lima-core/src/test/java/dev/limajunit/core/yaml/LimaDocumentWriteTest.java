package dev.limajunit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.VmType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimaDocumentWriteTest {

    private static final String TEMPLATE = """
            images:
            - location: https://example.org/debian.qcow2
              arch: x86_64
            base:
            - template:_images/debian-12
            vmType: vz
            mounts:
            - location: "~"
              mountPoint: /mnt/home
              someFutureField: keep-me
              9p: {msize: 64KiB, futureOption: 7}
            provision:
            - mode: system
              script: |
                #!/bin/sh
                echo hello
            """;

    @Test
    void writingASpecSetsTheModelledFieldsAndKeepsTheRest() {
        LimaDocument doc = LimaYaml.parse(TEMPLATE);
        InstanceSpec spec = new InstanceSpec(VmType.QEMU, MountType.NINEP,
                List.of(MountSpec.of("~").withWritable(true).withNineP(new NinePOptions(null, null, "256KiB", "mmap")),
                        MountSpec.of("/srv/data").withMountPoint("/data")),
                true, 2, "2GiB", null, List.of());

        LimaDocument written = doc.withSpec(spec);

        assertThat(written.readSpec().spec()).isEqualTo(spec);
        assertThat(written.readSpec().issues()).isEmpty();
        assertThat(written.tree().get("images")).isEqualTo(doc.tree().get("images"));
        assertThat(written.tree().get("provision")).isEqualTo(doc.tree().get("provision"));
        assertThat(written.base()).containsExactly("template:_images/debian-12");
        assertThat(written.tree().at("/mounts/0/someFutureField").asString()).isEqualTo("keep-me");
        assertThat(written.tree().at("/mounts/0/9p/futureOption").asInt()).isEqualTo(7);
        assertThat(written.tree().at("/mounts/0/mountPoint").isMissingNode())
                .as("an unset mountPoint is removed, so Lima applies its default").isTrue();
        assertThat(written.tree().at("/mounts/1/9p").isMissingNode()).as("no empty option blocks").isTrue();
        assertThat(LimaYaml.parse(written.toYaml())).isEqualTo(written);
    }

    @Test
    void writesAFileThatReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lima.yaml");
        LimaDocument doc = LimaDocument.empty().withSpec(InstanceSpec.of(MountType.VIRTIOFS, MountSpec.of("/src")));

        doc.write(file);

        assertThat(Files.readString(file)).contains("mountType: virtiofs", "location: /src");
        assertThat(LimaYaml.read(file)).isEqualTo(doc);
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        LimaDocument doc = LimaYaml.parse("a: \"true\"\nb: \"0755\"\nc: \"null\"\nd: \"1.5\"\ne: \"\"\n");

        assertThat(LimaYaml.parse(doc.toYaml())).isEqualTo(doc);
        assertThat(LimaYaml.parse(doc.toYaml()).tree().get("b").isString()).isTrue();
    }
}
