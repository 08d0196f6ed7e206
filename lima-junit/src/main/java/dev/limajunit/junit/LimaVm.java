package dev.limajunit.junit;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.AnnotationSpecReader;
import dev.limajunit.junit.internal.AttributeMessages;
import dev.limajunit.junit.internal.Declaration;
import dev.limajunit.junit.internal.InstanceRequest;
import dev.limajunit.junit.internal.LimaVmExtension;
import dev.limajunit.junit.internal.SpecValidation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A test class's VM declared in code, for a {@code @RegisterExtension static} field: what {@link LimaInstance}
 * declares with annotations, built with {@link #builder()} or read from a lima.yaml with {@link #fromLimaYaml(Path)}.
 * It runs the same machinery as the annotation: the class is skipped with the reason where the host cannot run it,
 * the VM is shared with every class (annotated or not) whose spec is the same unless {@link Builder#shared(boolean)
 * shared(false)}, tests get the same parameters, and a failing test gets the same diagnostics.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LimaVm vm = LimaVm.builder()
 *         .mountType(MountType.NINEP)
 *         .mount(Path.of("build/src"), "/mnt/src", true)
 *         .build();
 * }</pre>
 *
 * <p>Bad input fails in {@link Builder#build()} (and {@link #fromLimaYaml(Path)}), naming the attribute, the value and
 * the rule. The accessors ({@link #shell()}, {@link #mount(String)}, ...) work while the class runs, from its
 * {@code @BeforeAll} methods to its {@code @AfterAll} methods.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LimaVm extends LimaVmExtension {

    private static final String NAME = AttributeMessages.LIMA_VM;

    private final Builder declared;

    private LimaVm(Builder declared, InstanceRequest request) {
        super(request);
        this.declared = declared;
    }

    /**
     * A builder with every attribute at its default: Lima's defaults and one fresh read-only mount, as
     * {@code @LimaInstance}'s.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The VM a lima.yaml describes: its {@code vmType}, {@code mountType}, {@code mounts} (with their options),
     * {@code mountInotify}, {@code cpus}, {@code memory}, {@code disk} and {@code mountTypesUnsupported}; every other
     * field is ignored with a warning. Refine it with {@link #toBuilder()}.
     *
     * @param limaYaml a relative path is taken from the working directory (under Maven and Gradle: the module's)
     * @throws LimaConfigurationException when the file is missing, not YAML (with the line) or breaks a rule
     */
    public static LimaVm fromLimaYaml(Path limaYaml) {
        return LimaVmYaml.read(limaYaml).build();
    }

    /** A builder holding everything this VM declares, to change some of it and {@link Builder#build()} another. */
    public Builder toBuilder() {
        return new Builder(declared);
    }

    /** The running VM of the class that runs now. */
    public Instance instance() {
        Instance vm = running();
        if (vm == null) {
            throw new IllegalStateException(NAME + ": the VM is not up: its accessors work while the class runs, from "
                    + "its @BeforeAll methods to its @AfterAll methods, in the class whose @RegisterExtension static "
                    + "field holds it (is the field annotated with @RegisterExtension? was the class skipped?)");
        }
        return vm;
    }

    /** The guest shell of the running VM. */
    public GuestShell shell() {
        return instance().shell();
    }

    /** The mount type the running VM got (Lima's default where none was declared). */
    public MountType mountType() {
        return instance().spec().mountType();
    }

    /** The running VM's mounts, in declared order. */
    public List<MountedDirectory> mounts() {
        return instance().mounts();
    }

    /** The only mount; with several, name one with {@link #mount(String)}. */
    public MountedDirectory mount() {
        List<MountedDirectory> mounts = mounts();
        if (mounts.size() != 1) {
            throw new IllegalStateException(NAME + ".mount(): the VM has " + mounts.size() + " mounts ("
                    + guestPaths(mounts) + "); name one with mount(\"/guest/path\")");
        }
        return mounts.get(0);
    }

    /** The mount whose guest path (or mountPoint as declared) is {@code guestPath}. */
    public MountedDirectory mount(String guestPath) {
        List<MountedDirectory> mounts = mounts();
        return mounts.stream()
                .filter(m -> m.guestPath().toString().equals(guestPath) || m.mount().mountPoint().equals(guestPath))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(NAME + ".mount(\"" + guestPath
                        + "\"): no mount there; the VM's mount points: " + guestPaths(mounts)));
    }

    private static String guestPaths(List<MountedDirectory> mounts) {
        return mounts.isEmpty() ? "none"
                : mounts.stream().map(m -> m.guestPath().toString()).collect(Collectors.joining(", "));
    }

    /**
     * Declares a {@link LimaVm}; each method mirrors a {@link LimaInstance} attribute, and what is left unset takes
     * Lima's builtin default. Not thread safe; {@link #build()} checks everything that needs no host.
     */
    public static final class Builder {

        private EngineChoice engine = EngineChoice.AUTO;
        private VmType vmType;
        private MountType mountType;
        private final List<LimaMount> mounts = new ArrayList<>();
        private boolean mountsDeclared;
        private Boolean mountInotify;
        private Integer cpus;
        private String memory;
        private String disk;
        private List<MountType> mountTypesUnsupported = List.of();
        private String template = "";
        private Duration startTimeout = InstanceRequest.DEFAULT_START_TIMEOUT;
        private boolean shared = true;
        private Declaration declaration = new Declaration.Built(NAME);

        private Builder() {
        }

        private Builder(Builder from) {
            engine = from.engine;
            vmType = from.vmType;
            mountType = from.mountType;
            mounts.addAll(from.mounts);
            mountsDeclared = from.mountsDeclared;
            mountInotify = from.mountInotify;
            cpus = from.cpus;
            memory = from.memory;
            disk = from.disk;
            mountTypesUnsupported = from.mountTypesUnsupported;
            template = from.template;
            startTimeout = from.startTimeout;
            shared = from.shared;
            declaration = from.declaration;
        }

        /**
         * Which engine boots the VM; {@code AUTO} (the default) honours {@code lima.engine}, else limactl, else qemu.
         */
        public Builder engine(EngineChoice value) {
            engine = value;
            return this;
        }

        /** Lima's {@code vmType}; {@code null} (the default): {@code vz} on macOS 13.5+, else {@code qemu}. */
        public Builder vmType(VmType value) {
            vmType = value;
            return this;
        }

        /** Lima's {@code mountType}; {@code null} (the default): Lima's default for its version and the vmType. */
        public Builder mountType(MountType value) {
            mountType = value;
            return this;
        }

        /**
         * Mounts a host directory.
         *
         * @param location   the host directory; a relative path is taken from the working directory
         * @param mountPoint where the guest sees it; {@code null}: the same path as the location
         * @param writable   whether the guest may write (Lima's default: read-only)
         */
        public Builder mount(Path location, String mountPoint, boolean writable) {
            return mount(LimaMount.of(location).mountPoint(mountPoint).writable(writable));
        }

        /** Mounts a fresh temporary host directory, made for the VM and deleted when it stops. */
        public Builder mount(String mountPoint, boolean writable) {
            return mount(LimaMount.fresh().mountPoint(mountPoint).writable(writable));
        }

        /**
         * Adds a mount with options; the first mount declared replaces the default one (a fresh read-only
         * directory).
         */
        public Builder mount(LimaMount value) {
            Objects.requireNonNull(value, "LimaVm.Builder.mount(LimaMount): the mount is null");
            if (!mountsDeclared) {
                mounts.clear();
                mountsDeclared = true;
            }
            mounts.add(value);
            return this;
        }

        /** Lima's {@code mountInotify}: forward host file events to the guest (writable mounts only). */
        public Builder mountInotify(boolean value) {
            mountInotify = value;
            return this;
        }

        /** Virtual CPUs, at least 1; unset: min(4, host CPUs). */
        public Builder cpus(int value) {
            cpus = value;
            return this;
        }

        /** Guest memory such as {@code "1GiB"}; unset: min(4GiB, half the host memory). */
        public Builder memory(String value) {
            memory = value;
            return this;
        }

        /** Disk size such as {@code "10GiB"}; unset: the engine's default. */
        public Builder disk(String value) {
            disk = value;
            return this;
        }

        /** A Lima template the limactl engine starts from ({@code "debian-12"}); the qemu engine ignores it. */
        public Builder template(String value) {
            template = value == null ? "" : value.trim();
            return this;
        }

        /**
         * How long the boot may take until the first guest command; default 3 minutes. Scaled by
         * {@code lima.startTimeoutFactor}.
         */
        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        /** Whether other classes with the same spec share this VM (true, the default), or each class gets its own. */
        public Builder shared(boolean value) {
            shared = value;
            return this;
        }

        Builder mountTypesUnsupported(List<MountType> value) {
            mountTypesUnsupported = List.copyOf(value);
            return this;
        }

        /** No mount unless one is added (a lima.yaml without {@code mounts:} has none). */
        Builder withoutDefaultMount() {
            mounts.clear();
            mountsDeclared = true;
            return this;
        }

        /** Declared by a lima.yaml, read at {@code origin}. */
        Builder fromYaml(String origin) {
            declaration = new Declaration.Yaml(origin);
            return this;
        }

        /**
         * The VM, once every rule that needs no host holds: paths, mount options, sizes, the start timeout, and no
         * options of another mount type than the one named here. Whether this host can run the vmType and mount
         * type is decided when the class runs (it is skipped with the reason where it cannot).
         *
         * @throws LimaConfigurationException naming each attribute, its value and the rule; nothing boots
         */
        public LimaVm build() {
            List<String> errors = new ArrayList<>();
            if (engine == null) {
                errors.add(declaration.attribute("engine", null, "name one of AUTO, LIMACTL, QEMU"));
            }
            if (startTimeout == null || startTimeout.isZero() || startTimeout.isNegative()) {
                errors.add(declaration.attribute("startTimeout", startTimeout, AttributeMessages.MUST_BE_POSITIVE));
            }
            List<LimaMount> effective = effectiveMounts();
            InstanceSpec spec = spec(effective);
            errors.addAll(SpecValidation.asBuilt(spec, freshIndexes(effective), mountType,
                    i -> effective.get(i).fromYaml(), declaration));
            if (!errors.isEmpty()) {
                throw AttributeMessages.invalid(declaration.origin(), errors);
            }
            return new LimaVm(new Builder(this), new InstanceRequest(spec, freshIndexes(effective),
                    engine, template, startTimeout, shared, declaration));
        }

        private List<LimaMount> effectiveMounts() {
            return mountsDeclared ? List.copyOf(mounts) : List.of(LimaMount.fresh());
        }

        /**
         * The spec as {@link AnnotationSpecReader} writes an equal annotation's (false and blank are "unset"), so that
         * equal declarations get one key and share one VM.
         */
        private InstanceSpec spec(List<LimaMount> effective) {
            List<MountSpec> specs = new ArrayList<>();
            for (LimaMount mount : effective) {
                MountSpec m = mount.spec();
                specs.add(m.withWritable(Boolean.TRUE.equals(m.writable()) ? Boolean.TRUE : null));
            }
            return new InstanceSpec(vmType, mountType, specs, Boolean.TRUE.equals(mountInotify) ? Boolean.TRUE : null,
                    cpus, blankToNull(memory), blankToNull(disk), mountTypesUnsupported);
        }

        private static Set<Integer> freshIndexes(List<LimaMount> effective) {
            Set<Integer> fresh = new HashSet<>();
            for (int i = 0; i < effective.size(); i++) {
                if (effective.get(i).isFresh()) {
                    fresh.add(i);
                }
            }
            return fresh;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
