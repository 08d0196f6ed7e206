package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.GuestShell;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A guest that is up, whichever way it came up ({@link GuestLaunch}): its QEMU, root's session (the engine's own
 * work: mounting, the inotify forwarder), and the session of the user tests act as, open or opening, unless that user
 * is root.
 */
record RunningGuest(LaunchedQemu qemu, GuestSessions sessions, GuestShell root,
                    Optional<CompletableFuture<GuestShell>> userSession) {
}
