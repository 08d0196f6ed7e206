package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.engine.GuestUser;
import org.junit.jupiter.api.Test;

class GuestLoginTest {

    @Test
    void theKeyAndTheUserReachInitOnTheKernelCommandLine() {
        assertThat(new GuestLogin("ssh-ed25519 AAAA x", GuestUser.limaUserFor("alice", 501, 20)).kernelArguments())
                .isEqualTo("lima_junit.key=c3NoLWVkMjU1MTkgQUFBQSB4 lima_junit.user=alice:501:20:/home/alice.guest");
    }

    @Test
    void rootNeedsNoUser() {
        assertThat(new GuestLogin("ssh-ed25519 AAAA x", GuestUser.root()).kernelArguments())
                .isEqualTo("lima_junit.key=c3NoLWVkMjU1MTkgQUFBQSB4");
    }
}
