package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.config.VmType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every contract test needs: the fake on PATH, a LIMA_HOME, a session, a spec. */
final class ContractFixture {

    final Path dir;
    final FakeLimactl fake;
    final Path limaHome;
    final Path agents;
    final SessionLocks session;

    ContractFixture(Path dir) {
        this.dir = dir;
        this.fake = FakeLimactl.install(dir);
        this.limaHome = dir.resolve("home");
        this.agents = dir.resolve("host-agents.txt");
        fake.set("LIMA_HOME", limaHome.toString()).set("FAKE_LIMACTL_AGENTS", agents.toString());
        this.session = SessionLocks.start(dir.resolve("sessions"));
    }

    /** Settings for an ordinary (non-root) user with the fake first on PATH. */
    LimactlSettings settings() {
        return new LimactlSettings(fake.environment(), LimaBase.defaultTemplate(), false,
                new HostUser(System.getProperty("user.name"), 1000), List.of(), "Linux", session, dir.resolve("work"),
                Duration.ofSeconds(30));
    }

    String name(String suffix) {
        return InstanceNames.of(session.currentSession(), suffix);
    }

    static ResolvedInstance spec(MountType type, ResolvedMount... mounts) {
        return new ResolvedInstance(VmType.QEMU, type, List.of(mounts), false, 2, 2L << 30);
    }

    ResolvedMount mount(int index, String mountPoint, boolean writable) {
        try {
            Path location = Files.createDirectories(dir.resolve("src" + index));
            return new ResolvedMount(index, location, mountPoint, writable,
                    new ResolvedMount.Sshfs(true, false, SftpDriver.OPENSSH_SFTP_SERVER),
                    new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 128 * 1024,
                            writable ? NinePCache.MMAP : NinePCache.FSCACHE),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pids of the fake host agents started so far. */
    List<Long> hostAgentPids() {
        if (!Files.exists(agents)) {
            return List.of();
        }
        try {
            List<Long> pids = new ArrayList<>();
            for (String line : Files.readAllLines(agents)) {
                pids.add(Long.parseLong(line.substring(line.indexOf(' ') + 1).trim()));
            }
            return pids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Long> runningHostAgents() {
        return hostAgentPids().stream().filter(FakeLimactl::processRuns).toList();
    }
}
