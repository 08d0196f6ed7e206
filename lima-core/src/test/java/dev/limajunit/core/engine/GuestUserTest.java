package dev.limajunit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuestUserTest {

    @Test
    void limasUserHasTheHostNameAndIdsAndAGuestHome() {
        assertThat(GuestUser.limaUserFor("alice", 501, 20)).isEqualTo(new GuestUser("alice", 501, 20,
                "/home/alice.guest"));
    }

    @Test
    void namesLinuxRefusesAndTheReservedAdminBecomeLima() {
        assertThat(GuestUser.limaUserFor("Alice.Smith", 501, 20).name()).isEqualTo("lima");
        assertThat(GuestUser.limaUserFor("admin", 501, 20)).isEqualTo(new GuestUser("lima", 501, 20,
                "/home/lima.guest"));
    }

    @Test
    void aRootJvmActsAsRoot() {
        assertThat(GuestUser.limaUserFor("root", 0, 0)).isEqualTo(GuestUser.root());
        assertThat(GuestUser.root().isRoot()).isTrue();
    }

    @Test
    void theSettingTakesLimaOrRootAndNamesBadValues() {
        assertThat(GuestUser.parse("ROOT", "-Dlima.guestUser")).isEqualTo(GuestUser.root());
        assertThat(GuestUser.parse(" lima ", "-Dlima.guestUser")).isEqualTo(GuestUser.limaUserForThisJvm());
        assertThat(GuestUser.parse(null, "LIMA_JUNIT_GUEST_USER")).isEqualTo(GuestUser.limaUserForThisJvm());
        assertThatThrownBy(() -> GuestUser.parse("alice", "-Dlima.guestUser"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dlima.guestUser=alice: the guest user must be \"lima\" (Lima's user: the host user's name"
                        + " and uid, the default) or \"root\"");
    }

    @Test
    void anInvalidNameIsRefused() {
        assertThatThrownBy(() -> new GuestUser("a b", 1, 1, "/home/x"))
                .hasMessageContaining("guest user name \"a b\" is not a valid Linux user name");
    }
}
