package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.GuestUser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who may log into one booted guest: the instance's public key (root and the user accept it) and the user tests act
 * as. Both reach the guest's init on the kernel command line, so one cached kit serves every instance and user.
 *
 * @param authorizedKey the instance's public key line
 * @param user          the guest user that init creates (none when it is root)
 */
record GuestLogin(String authorizedKey, GuestUser user) {

    /** {@code lima_junit.key=BASE64 [lima_junit.user=NAME:UID:GID:HOME]}, read by the kit's init. */
    String kernelArguments() {
        String key = "lima_junit.key=" + Base64.getEncoder()
                .encodeToString(authorizedKey.getBytes(StandardCharsets.UTF_8));
        return user.isRoot() ? key
                : key + " lima_junit.user=" + user.name() + ":" + user.uid() + ":" + user.gid() + ":" + user.home();
    }
}
