package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.engine.GuestUser;
import org.junit.jupiter.api.Test;

class RestoredGuestTest {

    @Test
    void rootAndTheUserAcceptOnlyTheInstancesKeyAfterwards() {
        String command = RestoredGuest.command(new GuestLogin("ssh-ed25519 AAAA mine",
                GuestUser.limaUserFor("alice", 501, 20)), 0, 1_800_000_000L);
        assertThat(command)
                .contains("printf '%s\\n' 'ssh-ed25519 AAAA mine' > /root/.ssh/authorized_keys\n")
                .contains("printf '%s\\n' 'ssh-ed25519 AAAA mine' > '/home/alice.guest/.ssh/authorized_keys'\n");
    }

    @Test
    void reseedsSetsTheClockAndRebindsThe9pDevices() {
        String command = RestoredGuest.command(new GuestLogin("k", GuestUser.root()), 0, 1_800_000_000L);
        assertThat(command).startsWith("set -e\n").contains(" | base64 -d > /dev/urandom\n")
                // the seed first, then the reseed that takes it in
                .containsSubsequence("> /dev/urandom\n", "echo freezer > /sys/power/pm_test\n",
                        "echo freeze > /sys/power/state\n", "echo none > /sys/power/pm_test\n")
                .contains("date -s @1800000000 > /dev/null\n")
                .contains("> /sys/bus/virtio/drivers/9pnet_virtio/unbind")
                .contains("> /sys/bus/virtio/drivers/9pnet_virtio/bind")
                .doesNotContain("virtiofs").doesNotContain(".guest");
    }

    @Test
    void eachRestoreGetsItsOwnRandomness() {
        GuestLogin login = new GuestLogin("k", GuestUser.root());
        assertThat(RestoredGuest.command(login, 0, 1)).isNotEqualTo(RestoredGuest.command(login, 0, 1));
    }

    @Test
    void waitsForTheHotPluggedVirtiofsDevices() {
        assertThat(RestoredGuest.command(new GuestLogin("k", GuestUser.root()), 2, 1))
                .contains("ls -d /sys/bus/virtio/drivers/virtiofs/virtio* 2>/dev/null | wc -l)\" -lt 2 ]");
    }
}
