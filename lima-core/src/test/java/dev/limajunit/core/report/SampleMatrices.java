package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Small matrices as two CI jobs would write them: one ran 9p, the other virtiofs and reverse-sshfs. */
final class SampleMatrices {

    static final Behaviour HOST_CHANGE = new Behaviour("host-change-visible", "host change is visible in the guest");
    static final Behaviour NESTED_INOTIFY = new Behaviour("inotify-nested-files",
            "mountInotify reaches files in directories created later");
    static final Behaviour READ_ONLY = new Behaviour("read-only-refuses-writes", "a read-only mount refuses writes");

    private SampleMatrices() {
    }

    static RunInfo run(String id, String mountTypes) {
        return new RunInfo(id, Instant.parse("2026-11-28T12:00:00Z"), new HostInfo("Linux", "amd64", "6.1.0-28-amd64"),
                List.of("qemu"), List.of("6.1.0-41-amd64"),
                List.of("/usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd (virtiofsd 1.14.0)"),
                "17.0.15 (Debian)", "6.1.3", mountTypes, null);
    }

    static Observation pass(String test, String run, long... millis) {
        return new Observation(Outcome.PASS, null, measurements(millis), test, run);
    }

    static Observation outcome(Outcome outcome, String reason, String test, String run) {
        return new Observation(outcome, reason, List.of(), test, run);
    }

    static List<Measurement> measurements(long... millis) {
        return Arrays.stream(millis).mapToObj(ms -> new Measurement("host-change-visible", ms)).toList();
    }

    /** The 9p job: host changes visible fast, nested inotify a known limitation. */
    static MountMatrix ninePJob() {
        return MountMatrix.builder()
                .run(run("ci-9p", "9p"))
                .add(HOST_CHANGE, MountType.NINEP, pass("VisibilityTest#hostWrite() [9p]", "ci-9p", 20, 23, 41))
                .add(NESTED_INOTIFY, MountType.NINEP, outcome(Outcome.KNOWN_LIMITATION,
                        "9p hands out a new inode on each lookup: a watch below the mount root sees nothing",
                        "InotifyTest#nested() [9p]", "ci-9p"))
                .add(READ_ONLY, MountType.NINEP, pass("ReadOnlyTest#write() [9p]", "ci-9p"))
                .build();
    }

    /** The virtiofs/reverse-sshfs job; its read-only cell on 9p disagrees with the 9p job. */
    static MountMatrix otherJob() {
        return MountMatrix.builder()
                .run(run("ci-other", "virtiofs,reverse-sshfs"))
                .add(HOST_CHANGE, MountType.VIRTIOFS, pass("VisibilityTest#hostWrite() [virtiofs]", "ci-other", 1, 2))
                .add(HOST_CHANGE, MountType.REVERSE_SSHFS, outcome(Outcome.FAIL,
                        "expected the new content within 5 s, guest still read the old content after 5 s",
                        "VisibilityTest#hostWrite() [reverse-sshfs]", "ci-other"))
                .add(READ_ONLY, MountType.VIRTIOFS, outcome(Outcome.SKIPPED,
                        "virtiofsd cannot export read-only", "ReadOnlyTest#write() [virtiofs]", "ci-other"))
                .add(READ_ONLY, MountType.NINEP, outcome(Outcome.FAIL, "write succeeded on a read-only 9p mount",
                        "ReadOnlyTest#write() [9p]", "ci-other"))
                .build();
    }
}
