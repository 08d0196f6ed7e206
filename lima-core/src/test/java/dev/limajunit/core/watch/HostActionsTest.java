package dev.limajunit.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.watch.HostAction.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostActionsTest {

    @TempDir
    Path root;

    @Test
    void eachActionChangesTheFileAndIsRecordedInOrder() throws IOException {
        EventLog log = new EventLog();
        HostActions host = new HostActions(root, log);

        host.create("a b.txt", "one");
        host.append("a b.txt", "+two");
        host.chmod("a b.txt", "640");
        host.mkdir("dir");
        host.createNested("deep/er/ünï.txt", "x");
        host.rename("a b.txt", "dir/moved.txt");
        host.touch("dir/moved.txt");
        host.write("dir/moved.txt", "three");
        host.symlink("link", "dir/moved.txt");
        host.delete("deep/er/ünï.txt");

        assertThat(Files.readString(root.resolve("dir/moved.txt"))).isEqualTo("three");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("dir/moved.txt"))))
                .isEqualTo("rw-r-----");
        assertThat(Files.readSymbolicLink(root.resolve("link"))).isEqualTo(Path.of("dir/moved.txt"));
        assertThat(root.resolve("deep/er")).isEmptyDirectory();
        assertThat(log.hostActions()).extracting(HostAction::kind).containsExactly(Kind.CREATE, Kind.APPEND,
                Kind.CHMOD, Kind.MKDIR, Kind.NESTED_CREATE, Kind.RENAME, Kind.TOUCH, Kind.WRITE, Kind.SYMLINK,
                        Kind.DELETE);
        assertThat(log.lastHostActionOn("dir/moved.txt")).get().extracting(HostAction::kind).isEqualTo(Kind.WRITE);
    }

    @Test
    void refusesPathsOutsideTheRoot() {
        HostActions host = new HostActions(root, new EventLog());

        assertThatThrownBy(() -> host.create("../x", "")).hasMessageContaining("\"../x\" escapes");
        assertThatThrownBy(() -> host.rename("a", "/etc/b")).hasMessageContaining("\"/etc/b\" escapes");
    }

    @Test
    void aFailedActionNamesThePathAndIsNotRecorded() {
        EventLog log = new EventLog();
        HostActions host = new HostActions(root, log);

        assertThatThrownBy(() -> host.append("missing.txt", "x"))
                .hasMessageContaining("host append of " + root.resolve("missing.txt") + " failed");
        assertThat(log.entries()).isEmpty();
    }
}
