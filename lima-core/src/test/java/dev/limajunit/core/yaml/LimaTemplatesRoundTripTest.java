package dev.limajunit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LimaTemplatesRoundTripTest {

    static Stream<Path> templates() {
        return LimaTemplates.all();
    }

    @Test
    void theTemplatesIncludeImagesAndDefaults() {
        assertThat(templates().map(p -> LimaTemplates.dir().relativize(p).toString()))
                .contains("default.yaml", "k8s.yaml", "_default/mounts.yaml", "_images/debian-12.yaml")
                .hasSizeGreaterThanOrEqualTo(14);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void loadsAndRoundTripsEveryField(Path file) {
        LimaDocument doc = LimaYaml.read(file);

        LimaDocument again = LimaYaml.parse(doc.toYaml());

        assertThat(again.tree()).isEqualTo(doc.tree());
        assertThat(doc.readSpec().issues()).noneMatch(i -> i.isError());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void writingTheReadSpecBackKeepsEveryOtherField(Path file) {
        LimaDocument doc = LimaYaml.read(file);
        InstanceSpec spec = doc.readSpec().spec();

        LimaDocument written = doc.withSpec(spec);

        assertThat(written.readSpec().spec()).isEqualTo(spec);
        if (doc.isMapping()) {
            ObjectNode before = (ObjectNode) doc.tree();
            JsonNode after = written.tree();
            before.propertyNames().stream()
                    .filter(name -> !InstanceSpecFields.MODELLED.contains(name))
                    .forEach(name -> assertThat(after.get(name)).as(name).isEqualTo(before.get(name)));
        }
    }

    @Test
    void defaultMountsIsTheHomeDirectoryReadOnly() {
        InstanceSpec spec = LimaYaml.read(LimaTemplates.file("_default/mounts.yaml")).readSpec().spec();

        assertThat(spec.mounts()).containsExactly(MountSpec.of("~"));
        assertThat(spec.mountType()).isNull();
        assertThat(spec.mountInotify()).isNull();
    }

    @Test
    void defaultYamlLeavesEveryMountSettingToLima() {
        LimaDocument doc = LimaYaml.read(LimaTemplates.file("default.yaml"));
        InstanceSpec spec = doc.readSpec().spec();

        assertThat(spec.mounts()).isEmpty();
        assertThat(spec.mountType()).isNull();
        assertThat(spec.mountInotify()).isNull();
        assertThat(spec.vmType()).isNull();
        assertThat(spec.mountTypesUnsupported()).isEmpty();
        assertThat(doc.base()).containsExactly("template:_images/ubuntu", "template:_default/mounts");
        assertThat(doc.tree().get("mountType").isNull()).isTrue();
    }

    @Test
    void debianDeclaresNinePUnsupported() {
        InstanceSpec spec = LimaYaml.read(LimaTemplates.file("_images/debian-12.yaml")).readSpec().spec();

        assertThat(spec.mountTypesUnsupported()).containsExactly(MountType.NINEP);
        assertThat(spec.mounts()).isEmpty();
    }

    @Test
    void baseMayBeOneStringOrAList() {
        assertThat(LimaYaml.read(LimaTemplates.file("k8s.yaml")).base())
                .containsExactly("template:_images/ubuntu-lts");
        assertThat(LimaYaml.read(LimaTemplates.file("alpine-iso.yaml")).base())
                .containsExactly("template:_images/alpine-iso", "template:_default/mounts");
        assertThat(LimaYaml.read(LimaTemplates.file("k8s.yaml")).readSpec().spec().mounts()).isEmpty();
    }

    @Test
    void aSymlinkCheckedOutAsTextLoadsAsAStringWithAWarning() {
        LimaDocument doc = LimaYaml.read(LimaTemplates.file("fedora.yaml"));

        assertThat(doc.isMapping()).isFalse();
        assertThat(doc.readSpec().issues()).singleElement()
                .satisfies(i -> assertThat(i.isError()).isFalse())
                .satisfies(i -> assertThat(i.message()).contains("\"fedora-44.yaml\"", "not a mapping",
                        "symlink to fedora-44.yaml"));
    }
}
