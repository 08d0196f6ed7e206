package dev.limajunit.core.host;

/**
 * What the guest kernel can mount. {@code null} means "not known yet" (the qemu engine learns it from the kernel
 * it boots; a Lima image is assumed to have what its template does not list in {@code mountTypesUnsupported}).
 *
 * @param ninep    9p over virtio ({@code CONFIG_NET_9P_VIRTIO}, {@code CONFIG_9P_FS})
 * @param virtiofs {@code CONFIG_VIRTIO_FS}
 * @param fuse     {@code CONFIG_FUSE_FS}, which sshfs needs
 */
public record GuestKernelFacts(Boolean ninep, Boolean virtiofs, Boolean fuse) {

    public static final GuestKernelFacts UNKNOWN = new GuestKernelFacts(null, null, null);

    public static GuestKernelFacts all() {
        return new GuestKernelFacts(true, true, true);
    }

    public GuestKernelFacts withNineP(Boolean value) {
        return new GuestKernelFacts(value, virtiofs, fuse);
    }

    public GuestKernelFacts withVirtiofs(Boolean value) {
        return new GuestKernelFacts(ninep, value, fuse);
    }

    public GuestKernelFacts withFuse(Boolean value) {
        return new GuestKernelFacts(ninep, virtiofs, value);
    }

    @Override
    public String toString() {
        return "9p " + word(ninep) + ", virtiofs " + word(virtiofs) + ", fuse " + word(fuse);
    }

    private static String word(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }
}
