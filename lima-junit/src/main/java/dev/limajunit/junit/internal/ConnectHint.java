package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.qemu.QemuInstance;
import dev.limajunit.core.shell.SshTarget;

/** How a person gets a shell in a VM that was left running (lima.keepOnFailure). */
final class ConnectHint {

    private ConnectHint() {
    }

    static String of(Instance instance) {
        if ("limactl".equals(instance.engineName())) {
            return "connect with: limactl shell " + instance.name();
        }
        if (instance instanceof QemuInstance qemu) {
            SshTarget target = qemu.sshTarget();
            return "connect (while this JVM runs; the qemu engine's VMs end with it) with: ssh -i "
                    + target.privateKey()
                    + " -p " + target.port() + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
                    + target.user() + "@" + target.host();
        }
        return "the " + instance.engineName() + " engine's VMs end with this JVM; its logs: "
                + instance.diagnosticFiles().values();
    }
}
