package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.VmType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class LimaYamlComposerTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TempDir
    Path tmp;

    private JsonNode write(ResolvedInstance spec, LimaBase base) {
        return YAML.readTree(new LimaYamlComposer().write(spec, base));
    }

    @Test
    void theDefaultTemplateIsLimasBaseAndTheSpecDecidesMounts() {
        ContractFixture f = new ContractFixture(tmp);
        ResolvedInstance spec = ContractFixture.spec(MountType.NINEP, f.mount(0, "/mnt/src", true));

        JsonNode yaml = write(spec, LimaBase.defaultTemplate());

        assertThat(yaml.get("base").get(0).asString()).isEqualTo("template:default");
        assertThat(yaml.get("vmType").asString()).isEqualTo("qemu");
        assertThat(yaml.get("mountType").asString()).isEqualTo("9p");
        assertThat(yaml.get("mountInotify").asBoolean()).isFalse();
        assertThat(yaml.get("cpus").asString()).isEqualTo("2");
        assertThat(yaml.get("memory").asString()).isEqualTo("2GiB");
        JsonNode mount = yaml.get("mounts").get(0);
        assertThat(mount.get("location").asString()).isEqualTo(tmp.resolve("src0").toString());
        assertThat(mount.get("mountPoint").asString()).isEqualTo("/mnt/src");
        assertThat(mount.get("writable").asBoolean()).isTrue();
        assertThat(mount.get("9p").get("msize").asString()).isEqualTo("128KiB");
        assertThat(mount.get("9p").get("cache").asString()).isEqualTo("mmap");
        assertThat(mount.get("9p").get("protocolVersion").asString()).isEqualTo("9p2000.L");
        assertThat(mount.has("sshfs")).isFalse();
    }

    @Test
    void whatTheUserLeftUnsetIsLeftForLimaToDefault() {
        ContractFixture f = new ContractFixture(tmp);
        ResolvedMount resolved = f.mount(0, tmp.resolve("src0").toString(), false);
        ResolvedInstance spec = declared(MountType.NINEP, resolved,
                InstanceSpec.of(MountType.NINEP, MountSpec.of(resolved.location().toString())));

        JsonNode yaml = write(spec, LimaBase.defaultTemplate());

        assertThat(yaml.get("mountType").asString()).isEqualTo("9p");
        assertThat(yaml.has("vmType")).as("vmType").isFalse();
        assertThat(yaml.has("cpus")).as("cpus").isFalse();
        assertThat(yaml.has("memory")).as("memory").isFalse();
        assertThat(yaml.has("mountInotify")).as("mountInotify").isFalse();
        JsonNode mount = yaml.get("mounts").get(0);
        assertThat(mount.propertyNames()).containsExactly("location");
        assertThat(mount.get("location").asString()).isEqualTo(resolved.location().toString());
    }

    @Test
    void aDeclaredNinePOptionIsWrittenAndTheOthersAreNot() {
        ContractFixture f = new ContractFixture(tmp);
        ResolvedMount resolved = f.mount(0, "/mnt/src", true);
        MountSpec mount = MountSpec.of(resolved.location().toString()).withWritable(true)
                .withNineP(new NinePOptions(null, "9p2000.L", null, null));

        JsonNode yaml = write(declared(MountType.NINEP, resolved, InstanceSpec.of(MountType.NINEP, mount)),
                LimaBase.defaultTemplate());

        JsonNode written = yaml.get("mounts").get(0);
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("location", "writable", "9p");
        assertThat(written.get("writable").asBoolean()).isTrue();
        assertThat(written.get("9p").propertyNames()).containsExactly("protocolVersion");
    }

    @Test
    void aDeclaredSshfsOptionIsWrittenAndTheDriverIsLeftToLima() {
        ContractFixture f = new ContractFixture(tmp);
        ResolvedMount resolved = f.mount(0, "/m", false);
        MountSpec mount = MountSpec.of(resolved.location().toString()).withMountPoint("/m")
                .withSshfs(new SshfsOptions(null, true, null));

        InstanceSpec spec = InstanceSpec.of(MountType.REVERSE_SSHFS, mount);

        JsonNode yaml = write(declared(MountType.REVERSE_SSHFS, resolved, spec), LimaBase.defaultTemplate());

        JsonNode written = yaml.get("mounts").get(0);
        assertThat(written.propertyNames()).containsExactlyInAnyOrder("location", "mountPoint", "sshfs");
        assertThat(written.get("sshfs").propertyNames()).containsExactly("followSymlinks");
    }

    /** A resolved instance whose user wrote {@code declared}; the resolved values are the fixture's. */
    private static ResolvedInstance declared(MountType type, ResolvedMount mount, InstanceSpec declared) {
        return new ResolvedInstance(VmType.QEMU, type, List.of(mount), false, 2, 2L << 30, declared);
    }

    @Test
    void aNamedTemplateIsReferencedByBase() {
        ContractFixture f = new ContractFixture(tmp);
        JsonNode yaml = write(ContractFixture.spec(MountType.REVERSE_SSHFS, f.mount(0, "/m", false)),
                LimaBase.parse("template:debian-12"));

        assertThat(yaml.get("base").get(0).asString()).isEqualTo("template:debian-12");
        assertThat(yaml.get("mounts").get(0).get("sshfs").get("sftpDriver").asString())
                .isEqualTo("openssh-sftp-server");
    }

    @Test
    void aUserFileKeepsEveryFieldTheSpecDoesNotDecide() throws Exception {
        ContractFixture f = new ContractFixture(tmp);
        Path user = Files.writeString(tmp.resolve("mine.yaml"), String.join("\n",
                "images:",
                "- location: https://example.org/img.qcow2",
                "  arch: x86_64",
                "provision:",
                "- mode: system",
                "  script: echo hi",
                "mounts:",
                "- location: /somewhere/else",
                "mountType: reverse-sshfs",
                "disk: 20GiB",
                "futureField: {kept: true}",
                ""));

        JsonNode yaml = write(ContractFixture.spec(MountType.VIRTIOFS, f.mount(0, "/m", true)),
                LimaBase.parse(user.toString()));

        assertThat(yaml.get("images").get(0).get("location").asString()).isEqualTo("https://example.org/img.qcow2");
        assertThat(yaml.get("provision").get(0).get("script").asString()).isEqualTo("echo hi");
        assertThat(yaml.get("futureField").get("kept").asBoolean()).isTrue();
        assertThat(yaml.get("mountType").asString()).isEqualTo("virtiofs");
        assertThat(yaml.get("mounts")).hasSize(1);
        assertThat(yaml.get("mounts").get(0).get("mountPoint").asString()).isEqualTo("/m");
        assertThat(yaml.get("disk").asString()).isEqualTo("20GiB");
        assertThat(yaml.has("base")).isFalse();
    }

    @Test
    void realLimaTemplatesLoadAsUserFiles() {
        Path templates = Path.of("../../shared/lima-templates");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(templates),
                "the shared Lima templates are not beside this checkout (" + templates.toAbsolutePath() + ")");
        ContractFixture f = new ContractFixture(tmp);
        JsonNode yaml = write(ContractFixture.spec(MountType.NINEP, f.mount(0, "/m", true)),
                LimaBase.parse(templates.resolve("debian-12.yaml").toString()));

        assertThat(yaml.get("base").get(0).asString()).isEqualTo("template:_images/debian-12");
        assertThat(yaml.get("minimumLimaVersion").asString()).isEqualTo("2.0.0");
    }

    @Test
    void aBaseThatIsNeitherTemplateNorFileIsNamed() {
        assertThatThrownBy(() -> LimaBase.parse("no/such/file.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lima base \"no/such/file.yaml\"")
                .hasMessageContaining("template:NAME");
        assertThatThrownBy(() -> LimaBase.parse("template:../etc"))
                .hasMessageContaining("template name \"../etc\"");
    }
}
