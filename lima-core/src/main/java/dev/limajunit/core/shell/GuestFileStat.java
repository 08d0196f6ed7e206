package dev.limajunit.core.shell;

import java.time.Instant;

/**
 * What the guest reports about a path.
 *
 * @param permissions the mode bits, e.g. 0644
 */
public record GuestFileStat(
        GuestPath path,
        long size,
        int permissions,
        int uid,
        int gid,
        Instant modified,
        boolean directory,
        boolean symbolicLink) {}
