package dev.limajunit.core.engine.standard;

import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.EngineSelector;
import dev.limajunit.core.engine.limactl.InstanceNames;
import dev.limajunit.core.engine.limactl.LimaBase;
import dev.limajunit.core.engine.limactl.LimactlEngine;
import dev.limajunit.core.engine.limactl.LimactlSettings;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.process.RunSession;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import java.nio.file.Path;
import java.util.List;

/** The engines lima-core ships (limactl, qemu), each created only when first asked for. */
public final class StandardEngines {

    private StandardEngines() {
    }

    /** One settings object (and so one run session) per JVM: instance names carry that session. */
    private static final class Limactl {
        static final LimactlSettings SETTINGS = LimactlSettings.fromSystem();
    }

    /** The selector over the engines lima-core ships: limactl, then qemu. */
    public static EngineSelector selector() {
        return new EngineSelector(candidates());
    }

    static List<EngineSelector.Candidate> candidates() {
        return List.of(new EngineSelector.Candidate(
                EngineChoice.LIMACTL,
                template -> new LimactlEngine(template.isEmpty()
                        ? Limactl.SETTINGS
                        : Limactl.SETTINGS.withBase(base(template)), SshGuestShell::connect),
                suffix -> InstanceNames.of(Limactl.SETTINGS.liveness().currentSession(), suffix)),
                // The qemu engine boots its own guest kit; a Lima template means nothing to it.
                new EngineSelector.Candidate(EngineChoice.QEMU, template -> QemuEngine.create(),
                        suffix -> "lj-" + RunSession.id() + "-" + suffix));
    }

    /**
     * {@code debian-12}, {@code template:debian-12} or {@code template://debian-12}: a template; a path ending in
     * .yaml: a file.
     */
    static LimaBase base(String template) {
        if (template.endsWith(".yaml") || template.endsWith(".yml")) {
            return new LimaBase.UserFile(Path.of(template).toAbsolutePath().normalize());
        }
        String name = template.replaceFirst("^template:(//)?", "");
        return name.equals("default") ? new LimaBase.DefaultTemplate() : new LimaBase.Template(name);
    }
}
