package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.util.List;

/**
 * A 9p mount as Lima wires it on QEMU: {@code -virtfs local,mount_tag=TAG,path=LOCATION,security_model=MODEL
 * [,readonly=on]} and in the guest {@code mount -t 9p -o ro|rw,trans=virtio,version=...,msize=...,cache=...}.
 */
final class NinePMount implements MountWiring {

    private final ResolvedMount mount;
    private final String tag;

    NinePMount(ResolvedMount mount) {
        this.mount = mount;
        this.tag = MountTag.of(mount.location().toString(), mount.mountPoint());
    }

    @Override
    public ResolvedMount mount() {
        return mount;
    }

    String tag() {
        return tag;
    }

    @Override
    public List<String> qemuArguments() {
        String virtfs = "local,mount_tag=" + tag + ",path=" + QemuOptionValue.escape(mount.location().toString())
                + ",security_model=" + mount.ninep().securityModel().yamlName()
                + (mount.writable() ? "" : ",readonly=on");
        return List.of("-virtfs", virtfs);
    }

    /** The guest mount options, as Lima writes them into fstab (less {@code nofail}: we check the mount ourselves). */
    String guestOptions() {
        ResolvedMount.NineP p = mount.ninep();
        return (mount.writable() ? "rw" : "ro") + ",trans=virtio,version=" + p.protocolVersion().yamlName()
                + ",msize=" + p.msizeBytes() + ",cache=" + p.cache().yamlName();
    }

    @Override
    public void mountInGuest(GuestShell shell) {
        String point = GuestScript.quote(mount.mountPoint());
        shell.execChecked(Command.shell("mkdir -p " + point + " && mount -t 9p -o " + guestOptions() + " " + tag + " "
                + point));
    }


    @Override
    public void close() {
        // QEMU serves 9p itself: nothing of ours to stop
    }
}
