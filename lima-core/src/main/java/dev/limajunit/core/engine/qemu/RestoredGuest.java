package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.GuestUser;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What a guest restored from a boot snapshot must change before anyone else uses it, as one root command: the
 * snapshot's key gives way to the instance's own (root's and the user's {@code authorized_keys}), fresh host
 * randomness goes into the kernel's pool and its random generator is reseeded from it at once, the clock is set from
 * the host's (the snapshot's clock stopped when it was saved), the 9p devices are bound again so that the guest reads
 * each device's real tag (the snapshot's are placeholders), and the hot-plugged virtiofs devices are waited for.
 */
final class RestoredGuest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NINEP_DRIVER = "/sys/bus/virtio/drivers/9pnet_virtio";
    private static final String VIRTIOFS_DRIVER = "/sys/bus/virtio/drivers/virtiofs";
    /**
     * Every restore of a snapshot starts from the same CRNG state, and writing to /dev/urandom only mixes into the
     * input pool: the CRNG would give every restored guest the same bytes until its next timed reseed (up to a minute
     * early in a boot). A suspend cycle reseeds it ("crng reseeded on system resumption"); {@code pm_test=freezer}
     * with no delay makes it a freeze and thaw of the guest's processes of a few milliseconds, without suspending
     * devices. Needs a kernel with CONFIG_PM_DEBUG (Debian's has it).
     */
    private static final String RESEED = """
            [ -w /sys/power/pm_test ] && [ -w /sys/module/suspend/parameters/pm_test_delay ] || { echo 'this guest \
            kernel cannot reseed its random generator on demand (no /sys/power/pm_test: a kernel without \
            CONFIG_PM_DEBUG), so restored guests would share random numbers' >&2; exit 1; }
            echo 0 > /sys/module/suspend/parameters/pm_test_delay
            echo freezer > /sys/power/pm_test
            echo freeze > /sys/power/state
            echo none > /sys/power/pm_test
            """;

    private RestoredGuest() {
    }

    /**
     * @param login            the instance's own key and user
     * @param virtiofsDevices  how many virtiofs devices were hot-plugged
     * @param epochSeconds     the host's clock now
     */
    static String command(GuestLogin login, int virtiofsDevices, long epochSeconds) {
        String key = GuestScript.quote(login.authorizedKey());
        StringBuilder script = new StringBuilder("set -e\n");
        script.append("printf '%s\\n' ").append(key).append(" > /root/.ssh/authorized_keys\n");
        GuestUser user = login.user();
        if (!user.isRoot()) {
            script.append("printf '%s\\n' ").append(key).append(" > ")
                    .append(GuestScript.quote(user.home() + "/.ssh/authorized_keys")).append('\n');
        }
        byte[] seed = new byte[64];
        RANDOM.nextBytes(seed);
        script.append("echo ").append(Base64.getEncoder().encodeToString(seed)).append(" | base64 -d > /dev/urandom\n");
        script.append(RESEED);
        script.append("date -s @").append(epochSeconds).append(" > /dev/null\n");
        script.append("for d in ").append(NINEP_DRIVER).append("/virtio*; do\n")
                .append("  [ -e \"$d\" ] || continue\n")
                .append("  n=${d##*/}; echo \"$n\" > ").append(NINEP_DRIVER).append("/unbind; echo \"$n\" > ")
                .append(NINEP_DRIVER).append("/bind\n")
                .append("done\n");
        if (virtiofsDevices > 0) {
            script.append("i=0\n")
                    .append("while [ \"$(ls -d ").append(VIRTIOFS_DRIVER).append("/virtio* 2>/dev/null | wc -l)\" -lt ")
                    .append(virtiofsDevices).append(" ]; do\n")
                    .append("  i=$((i + 1)); [ $i -le 1000 ] || { echo 'the hot-plugged virtiofs devices did not ")
                    .append("appear in the guest within 10 s' >&2; exit 1; }\n")
                    .append("  usleep 10000\n")
                    .append("done\n");
        }
        return script.toString();
    }
}
