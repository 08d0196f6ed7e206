package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;

/** A started QEMU and the host port it forwards to the guest's SSH. */
record LaunchedQemu(ManagedProcess process, int sshPort) {
}
