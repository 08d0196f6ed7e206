package dev.limajunit.junit;

import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.VirtiofsOptions;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One entry of Lima's {@code mounts:} list for {@link LimaVm.Builder#mount(LimaMount)}: what {@link Mount} is to
 * {@link LimaInstance}. Immutable: each method returns a changed copy. Options left unset take Lima's builtin
 * defaults; options of another mount type than the VM's are refused when the builder names the mount type.
 *
 * <pre>{@code
 * LimaMount.of(Path.of("build/src")).mountPoint("/mnt/src").writable(true).ninepMsize("256KiB").ninepCache("loose")
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LimaMount {

    private final MountSpec spec;
    private final boolean fresh;
    private final boolean fromYaml;

    private LimaMount(MountSpec spec, boolean fresh, boolean fromYaml) {
        this.spec = spec;
        this.fresh = fresh;
        this.fromYaml = fromYaml;
    }

    /** A host directory; a relative path is taken from the working directory (Lima wants absolute locations). */
    public static LimaMount of(Path location) {
        Objects.requireNonNull(location,
                "LimaMount.of(location): location is null; use LimaMount.fresh() for a temporary directory");
        return new LimaMount(MountSpec.of(location.toAbsolutePath().normalize().toString()), false, false);
    }

    /**
     * A fresh temporary host directory, made for the VM and deleted when it stops ({@code @Mount} without location).
     */
    public static LimaMount fresh() {
        return new LimaMount(MountSpec.of(null), true, false);
    }

    /** A mount as a lima.yaml wrote it: locations stay as written ({@code ~} expands); its ignored options warn. */
    static LimaMount fromYaml(MountSpec spec) {
        return new LimaMount(spec, false, true);
    }

    /** Where the guest sees it; {@code null} (the default): the same path as the location. */
    public LimaMount mountPoint(String value) {
        return with(spec.withMountPoint(value));
    }

    /** Whether the guest may write; Lima's default is read-only. */
    public LimaMount writable(boolean value) {
        return with(spec.withWritable(value));
    }

    /** 9p {@code securityModel}: {@code passthrough}, {@code mapped-xattr}, {@code mapped-file} or {@code none}. */
    public LimaMount ninepSecurityModel(String value) {
        NinePOptions o = spec.ninep();
        return with(spec.withNineP(new NinePOptions(value, o.protocolVersion(), o.msize(), o.cache())));
    }

    /** 9p {@code protocolVersion}: {@code 9p2000}, {@code 9p2000.u} or {@code 9p2000.L}. */
    public LimaMount ninepProtocolVersion(String value) {
        NinePOptions o = spec.ninep();
        return with(spec.withNineP(new NinePOptions(o.securityModel(), value, o.msize(), o.cache())));
    }

    /** 9p {@code msize} such as {@code "256KiB"}, at least 4KiB. */
    public LimaMount ninepMsize(String value) {
        NinePOptions o = spec.ninep();
        return with(spec.withNineP(new NinePOptions(o.securityModel(), o.protocolVersion(), value, o.cache())));
    }

    /** 9p {@code cache}: {@code none}, {@code loose}, {@code fscache} or {@code mmap}. */
    public LimaMount ninepCache(String value) {
        NinePOptions o = spec.ninep();
        return with(spec.withNineP(new NinePOptions(o.securityModel(), o.protocolVersion(), o.msize(), value)));
    }

    /** reverse-sshfs {@code cache}; Lima's default: on. */
    public LimaMount sshfsCache(boolean value) {
        SshfsOptions o = spec.sshfs();
        return with(spec.withSshfs(new SshfsOptions(value, o.followSymlinks(), o.sftpDriver())));
    }

    /** reverse-sshfs {@code followSymlinks}; Lima's default: off. */
    public LimaMount sshfsFollowSymlinks(boolean value) {
        SshfsOptions o = spec.sshfs();
        return with(spec.withSshfs(new SshfsOptions(o.cache(), value, o.sftpDriver())));
    }

    /** reverse-sshfs {@code sftpDriver}: {@code builtin} or {@code openssh-sftp-server}. */
    public LimaMount sshfsSftpDriver(String value) {
        SshfsOptions o = spec.sshfs();
        return with(spec.withSshfs(new SshfsOptions(o.cache(), o.followSymlinks(), value)));
    }

    /** virtiofs {@code queueSize}: a power of two up to 1024. */
    public LimaMount virtiofsQueueSize(int value) {
        return with(spec.withVirtiofs(new VirtiofsOptions(value)));
    }

    /** The mount as written; a fresh one has no location yet. */
    MountSpec spec() {
        return spec;
    }

    boolean isFresh() {
        return fresh;
    }

    /** Read from a lima.yaml: Lima's own rules apply (options of another mount type only warn). */
    boolean fromYaml() {
        return fromYaml;
    }

    private LimaMount with(MountSpec changed) {
        return new LimaMount(changed, fresh, fromYaml);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LimaMount m && m.spec.equals(spec) && m.fresh == fresh && m.fromYaml == fromYaml;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, fresh, fromYaml);
    }

    @Override
    public String toString() {
        return (fresh ? "fresh directory" : spec.location()) + " -> "
                + (spec.mountPoint() == null ? "(same path)" : spec.mountPoint())
                + (Boolean.TRUE.equals(spec.writable()) ? " (writable)" : " (read-only)");
    }
}
