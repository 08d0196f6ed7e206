package dev.limajunit.junit;

import dev.limajunit.core.engine.Instance;

/** How a person gets a shell in a VM that was left running (lima.keepOnFailure). */
final class ConnectHint {

    private ConnectHint() {
    }

    static String of(Instance instance) {
        if ("limactl".equals(instance.engineName())) {
            return "connect with: limactl shell " + instance.name();
        }
        return "the " + instance.engineName() + " engine's VMs end with this JVM; its logs: "
                + instance.diagnosticFiles().values();
    }
}
