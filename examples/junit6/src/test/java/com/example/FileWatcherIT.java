package com.example;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.watch.InotifyEvent.ATTRIB;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's example on one mount type (9p), so that proving the consumer setup costs one VM boot. */
@ForEachMountType(NINEP)
@LimaInstance(mountInotify = true, mounts = @Mount(writable = true))
class FileWatcherIT {

    @BeforeEach
    void aSourceDirectory(MountedDirectory dir) throws IOException {
        Files.createDirectories(dir.host("src"));
    }

    @Test
    void aHostEditReachesTheGuestAndItsWatcher(HostActions host, GuestFileWatcher watcher, MountedDirectory dir) {
        host.create("app.js", "console.log(1)\n");

        assertThat(watcher).receives(ATTRIB, "app.js", Duration.ofSeconds(2));
        assertThat(dir).showsHostStateInGuest("app.js", Duration.ofSeconds(30))
                .showsInGuest(HostChange.append("app.js", "console.log(2)\n"), Duration.ofSeconds(5));
    }

    @Test
    @KnownLimitation(mountTypes = NINEP, reason = "9p: no events for nested files (Lima docs)")
    void nestedFilesToo(HostActions host, GuestFileWatcher watcher) {
        host.create("src/util.js", "export {};\n");
        assertThat(watcher).receives(ATTRIB, "src/util.js", Duration.ofSeconds(2));
    }
}
