package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.GuestPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One host change the mountInotify forwarder passed to the guest.
 *
 * @param hostPath  the changed file on the host
 * @param guestPath the same file in the guest, whose times were set
 * @param mtime     the host file's modification time, set on the guest file
 * @param latency   from the host change (its mtime, or when the event arrived if the mtime is not recent) until
 *                  the guest's touch returned
 * @param succeeded whether the guest touch succeeded
 */
public record ForwardedChange(Path hostPath, GuestPath guestPath, Instant mtime, Duration latency, boolean succeeded) {}
