package dev.limajunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.NineP;
import dev.limajunit.junit.Sshfs;
import dev.limajunit.junit.Toggle;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnnotationSpecReaderTest {

    @LimaInstance(engine = EngineChoice.QEMU, vmType = VmType.QEMU, mountType = MountType.NINEP, mountInotify = true,
            cpus = 2,
            memory = "1GiB", startTimeout = "90s", shared = false, template = "debian-12",
            mounts = {
                @Mount(writable = true, ninep = @NineP(msize = "256KiB", cache = "mmap")),
                @Mount(location = "/srv/data", mountPoint = "/mnt/data",
                        sshfs = @Sshfs(cache = Toggle.OFF, followSymlinks = Toggle.ON, sftpDriver = "builtin"))
            })
    static class Everything {
    }

    @LimaInstance
    static class Defaults {
    }

    @LimaInstance(mountType = {MountType.NINEP, MountType.VIRTIOFS}, vmType = {VmType.QEMU, VmType.VZ},
            startTimeout = "soon", cpus = -1)
    static class Broken {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @LimaInstance(mountType = MountType.VIRTIOFS, mounts = @Mount(writable = true))
    @interface VirtiofsWritable {
    }

    @VirtiofsWritable
    static class Composed {
    }

    private static InstanceRequest read(Class<?> type) {
        return InstanceRequests.forMethodOrClass(type);
    }

    @Test
    void everyAttributeReachesTheSpec() {
        InstanceRequest request = read(Everything.class);

        assertThat(request.engine()).isEqualTo(EngineChoice.QEMU);
        assertThat(request.spec().vmType()).isEqualTo(VmType.QEMU);
        assertThat(request.spec().mountType()).isEqualTo(MountType.NINEP);
        assertThat(request.spec().mountInotify()).isTrue();
        assertThat(request.spec().cpus()).isEqualTo(2);
        assertThat(request.spec().memory()).isEqualTo("1GiB");
        assertThat(request.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(request.shared()).isFalse();
        assertThat(request.template()).isEqualTo("debian-12");
        assertThat(request.freshMounts()).containsExactly(0);

        MountSpec fresh = request.spec().mounts().get(0);
        assertThat(fresh.location()).isNull();
        assertThat(fresh.writable()).isTrue();
        assertThat(fresh.ninep().msize()).isEqualTo("256KiB");
        assertThat(fresh.ninep().cache()).isEqualTo("mmap");
        assertThat(fresh.ninep().securityModel()).isNull();

        MountSpec data = request.spec().mounts().get(1);
        assertThat(data.location()).isEqualTo("/srv/data");
        assertThat(data.mountPoint()).isEqualTo("/mnt/data");
        assertThat(data.writable()).isNull();
        assertThat(data.sshfs().cache()).isFalse();
        assertThat(data.sshfs().followSymlinks()).isTrue();
        assertThat(data.sshfs().sftpDriver()).isEqualTo("builtin");
    }

    @Test
    void defaultsLeaveEverythingUnsetForLimasDefaults() {
        InstanceRequest request = read(Defaults.class);

        assertThat(request.engine()).isEqualTo(EngineChoice.AUTO);
        assertThat(request.spec().vmType()).isNull();
        assertThat(request.spec().mountType()).isNull();
        assertThat(request.spec().mountInotify()).isNull();
        assertThat(request.spec().cpus()).isNull();
        assertThat(request.spec().memory()).isNull();
        assertThat(request.spec().mounts()).hasSize(1);
        assertThat(request.spec().mounts().get(0).writable()).isNull();
        assertThat(request.spec().mounts().get(0).sshfs().cache()).isNull();
        assertThat(request.freshMounts()).containsExactly(0);
        assertThat(request.shared()).isTrue();
        assertThat(request.startTimeout()).isEqualTo(InstanceRequest.DEFAULT_START_TIMEOUT);
    }

    @Test
    void everyBadAttributeIsNamedWithItsValueAndRule() {
        assertThatThrownBy(() -> read(Broken.class))
                .isInstanceOf(LimaConfigurationException.class)
                .hasMessageContaining("invalid @LimaInstance on " + Broken.class.getName() + " (4 errors)")
                .hasMessageContaining(
                        "@LimaInstance(mountType = {9p, virtiofs}): names 2 values; an instance has one mount type")
                .hasMessageContaining("@LimaInstance(vmType = {qemu, vz}): names 2 values; a VM has one type")
                .hasMessageContaining("@LimaInstance(startTimeout = \"soon\"): \"soon\" is not a duration")
                .hasMessageContaining("@LimaInstance(cpus = -1): must be 0 (engine default) or more");
    }

    @Test
    void aComposedAnnotationCarriesItsSpec() {
        InstanceRequest request = read(Composed.class);

        assertThat(request.spec().mountType()).isEqualTo(MountType.VIRTIOFS);
        assertThat(request.spec().mounts().get(0).writable()).isTrue();
        assertThat(request.key()).isNotEqualTo(read(Defaults.class).key());
    }

    @Test
    void theKeyDependsOnTheSpecNotOnWhereItWasDeclared() {
        InstanceRequest first = read(Composed.class);
        InstanceRequest second = AnnotationSpecReader.read(
                Composed.class.getAnnotation(VirtiofsWritable.class).annotationType().getAnnotation(LimaInstance.class),
                "some.other.Class");

        assertThat(second.key()).isEqualTo(first.key()).matches("[0-9a-f]{12}");
        assertThat(first.withMountType(MountType.NINEP, "[9p]").key()).isNotEqualTo(first.key());
    }
}
