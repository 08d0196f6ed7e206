package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.process.RunSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A test run with one VM per given mount type (booted in parallel), each with a writable mount, so that QEMU,
 * virtiofsd and sftp-server all run; prints {@code SESSION <id>} and {@code READY}, then waits to be killed.
 * Arguments: the mount types' YAML names, e.g. {@code 9p virtiofs reverse-sshfs}.
 */
public final class VmRunMain {

    private VmRunMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("SESSION " + RunSession.id());
        QemuEngine engine = QemuEngine.create();
        List<CompletableFuture<Instance>> boots = new ArrayList<>();
        for (String typeName : args) {
            MountType type = MountType.fromYaml(typeName);
            Path dir = Files.createTempDirectory("mount-"); // under the java.io.tmpdir the test hands in
            boots.add(CompletableFuture.supplyAsync(() -> engine.start(
                    QemuTestVm.spec(type, false, QemuTestVm.mount(0, dir, "/mnt/rw", true)),
                    QemuTestVm.options("crash-" + typeName))));
        }
        for (CompletableFuture<Instance> boot : boots) {
            System.out.println("BOOTED " + boot.join());
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
