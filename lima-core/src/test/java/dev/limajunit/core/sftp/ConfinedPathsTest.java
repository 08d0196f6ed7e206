package dev.limajunit.core.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which host paths the confined SFTP server lets a client reach, on a real directory tree with symlinks in and out:
 * through a link never out; at a link (its attributes, its text) also when it points out; every refusal alike.
 */
class ConfinedPathsTest {

    @TempDir
    Path tmp;

    private Path location;
    private Path outside;
    private ConfinedPaths paths;

    @BeforeEach
    void layout() throws IOException {
        location = Files.createDirectories(tmp.resolve("location"));
        Files.writeString(location.resolve("inside.txt"), "inside");
        Files.createDirectories(location.resolve("sub"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(location.resolve("file-out"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(location.resolve("dangling-out"), outside.resolve("missing.txt"));
        Files.createSymbolicLink(location.resolve("dir-out"), outside);
        Files.createSymbolicLink(location.resolve("in-link"), Path.of("inside.txt"));
        Files.createSymbolicLink(location.resolve("sub/up-and-in"), Path.of("../inside.txt"));
        paths = ConfinedPaths.of(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "inside.txt", "in-link", "sub/up-and-in", "sub/../inside.txt", "new.txt",
            "sub/new/deeper.txt"})
    void pathsInsideAndLinksThatStayInsideResolve(String requested) throws IOException {
        assertThat(paths.resolve(requested)).startsWithRaw(location);
        assertThat(paths.resolve(location + "/" + requested)).startsWithRaw(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/secret.txt", "../outside/missing.txt", "/etc/passwd", "/etc/nonexistent",
            "file-out", "dangling-out", "dir-out", "dir-out/secret.txt", "dir-out/missing.txt", "dir-out/new/x"})
    void everyWayOutIsRefusedWithTheSameAnswer(String requested) {
        assertThatThrownBy(() -> paths.resolve(requested)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(requested + ": outside the mount's location " + location);
    }

    @Test
    void aLinkThatPointsOutCanBeLookedAtButNotThrough() throws IOException {
        assertThat(paths.resolveLink("file-out")).isEqualTo(location.resolve("file-out"));
        assertThat(paths.resolveLink(location + "/dangling-out")).isEqualTo(location.resolve("dangling-out"));
        assertThat(paths.resolveLink("dir-out")).isEqualTo(location.resolve("dir-out"));
        assertThat(paths.resolveLink("")).isEqualTo(location);
        for (String through : new String[] {"dir-out/secret.txt", "dir-out/missing.txt", "../outside/secret.txt",
                "/etc/passwd", "/etc/nonexistent", ".."}) {
            assertThatThrownBy(() -> paths.resolveLink(through)).as(through).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aNameIsInsideWhenTheDirectoryHoldingItIs() throws IOException {
        paths.checkName(location.resolve("file-out"), "file-out");
        paths.checkName(location.resolve("sub/new.txt"), "sub/new.txt");
        paths.checkName(location, "");
        assertThatThrownBy(() -> paths.checkName(location.resolve("dir-out/secret.txt"), "dir-out/secret.txt"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.checkName(outside.resolve("secret.txt"), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.checkName(tmp, "..")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void attributesAreReportedOnlyWhereTheReadStaysInside() throws IOException {
        assertThat(paths.reportable(location.resolve("file-out"), false)).isEqualTo(location.resolve("file-out"));
        assertThat(paths.reportable(location.resolve("in-link"), true)).isEqualTo(location.resolve("in-link"));
        assertThatThrownBy(() -> paths.reportable(location.resolve("file-out"), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.reportable(location.resolve("dangling-out"), true))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.reportable(outside.resolve("secret.txt"), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> paths.reportable(location.resolve("dir-out/secret.txt"), false))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRootAnswersForItsParentAsInAChroot() throws IOException {
        assertThat(paths.reportable(tmp, false)).isEqualTo(location.toRealPath());
        assertThat(paths.reportable(location.resolve("sub/.."), false)).isEqualTo(location.toRealPath());
        assertThat(paths.reportable(location.resolve("sub").getParent(), true)).isEqualTo(location.toRealPath());
    }

    @Test
    void aLocationGivenThroughASymlinkIsConfinedToItsRealDirectory() throws IOException {
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), location);
        ConfinedPaths viaAlias = ConfinedPaths.of(alias);

        assertThat(viaAlias.resolve("inside.txt")).isEqualTo(alias.resolve("inside.txt"));
        assertThat(viaAlias.resolve(location + "/inside.txt")).isEqualTo(location.resolve("inside.txt"));
        assertThat(viaAlias.reportable(alias, false)).isEqualTo(location.toRealPath());
        assertThatThrownBy(() -> viaAlias.resolve("../outside/secret.txt")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> viaAlias.resolve("file-out")).isInstanceOf(AccessDeniedException.class);
    }
}
