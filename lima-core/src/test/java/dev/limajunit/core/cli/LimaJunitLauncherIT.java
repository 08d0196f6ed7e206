package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Behaviour;
import dev.limajunit.core.report.HostInfo;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.Measurement;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Observation;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bin/lima-junit} itself against the jar this build packaged (Failsafe runs after package). */
class LimaJunitLauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "lima-junit").toAbsolutePath().normalize();

    record Run(int exitCode, String output) {}

    private static Run run(Path launcher, String... args) throws IOException, InterruptedException {
        return run(Map.of(), launcher, args);
    }

    private static Run run(Map<String, String> env, Path launcher, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", launcher.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("lima-junit finished").isTrue();
        return new Run(p.exitValue(), out);
    }

    private static Path templates() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/lima-templates"))) {
                return p.resolve("shared/lima-templates");
            }
        }
        assumeTrue(false, "Lima's templates (shared/lima-templates beside the clone) are not on this machine");
        return null;
    }

    @Test
    void validateAcceptsEveryLimaTemplate() throws Exception {
        List<String> files;
        try (Stream<Path> walk = Files.walk(templates())) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).map(Path::toString).sorted().toList();
        }

        Run run = run(LAUNCHER, Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(files.size() + " files checked: all valid").doesNotContain(": error:");
    }

    @Test
    void validateRejectsABrokenFileNamingTheField(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("lima.yaml"),
                "mountType: 9p\nmounts:\n- location: " + dir + "\n  9p:\n    msize: 2KiB\n");

        Run run = run(LAUNCHER, "validate", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("error: mounts[0] (" + dir
                + "): 9p.msize \"2KiB\" is below the 4KiB minimum");
    }

    @Test
    void doctorPrintsTheTable() throws Exception {
        Run run = run(LAUNCHER, "doctor");

        assertThat(run.output()).contains("Engines", "Acceleration", "Mount types x vmTypes")
                .containsPattern("(?m)^  9p +qemu +(yes|no) ");
    }

    @Test
    void matrixDiffPrintsUtf8MarkdownUnderACLocaleAndExitsOneOnAnOutcomeDifference(@TempDir Path dir)
            throws Exception {
        Behaviour visible = new Behaviour("host-create-visible", "a new host file shows");
        Path qemu = dir.resolve("qemu.json");
        Path lima = dir.resolve("limactl.json");
        MatrixJson.write(matrix("q", "qemu", visible, new Observation(Outcome.PASS, null,
                List.of(new Measurement("host change visible in guest", 90)), "V#create() [9p]", "q")), qemu);
        MatrixJson.write(matrix("l", "limactl", visible, new Observation(Outcome.FAIL, "not shown within 5 s…",
                List.of(), "V#create() [9p]", "l")), lima);

        Run run = run(Map.of("LC_ALL", "C", "LANG", "C"), LAUNCHER, "matrix", "diff", qemu.toString(),
                lima.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("1 cell: 0 agree, 1 differ in outcome,")
                .contains("| 9p | outcome | pass · < 250 ms (p50 90 ms, n=1)"
                        + " | fail · not measured: not shown within 5 s… |");
    }

    private static MountMatrix matrix(String runId, String engine, Behaviour behaviour, Observation observation) {
        return MountMatrix.builder()
                .run(new RunInfo(runId, Instant.parse("2026-12-03T08:00:00Z"),
                        new HostInfo("Linux", "amd64", "6.1"), List.of(engine), List.of(), List.of(), "17", "6.1.3",
                                null, null))
                .add(behaviour, MountType.NINEP, observation)
                .build();
    }

    @Test
    void versionAndRunHelpWorkFromTheLauncher() throws Exception {
        Run version = run(LAUNCHER, "--version");
        Run help = run(LAUNCHER, "run", "--help");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).containsPattern("(?m)^lima-junit \\d+\\.\\d+\\.\\d+");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: lima-junit run --mount-type=TYPE", "--keep");
    }

    @Test
    void theCompletionScriptCompletesCommandsInBash() throws Exception {
        Path script = Files.createTempFile("lima-junit-completion", ".bash");
        try {
            Run completion = run(LAUNCHER, "completion");
            Files.writeString(script, completion.output());
            Process bash = new ProcessBuilder("bash", "-c", "source \"$0\" && COMP_WORDS=(lima-junit val)"
                    + " && COMP_CWORD=1 && _complete_lima-junit && echo \"${COMPREPLY[@]}\"", script.toString())
                    .redirectErrorStream(true).start();
            String words = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(words.strip()).isEqualTo("validate");
        } finally {
            Files.delete(script);
        }
    }

    @Test
    void withoutABuildOrAMavenWrapperItSaysWhatToRun(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path copy = Files.copy(LAUNCHER, bin.resolve("lima-junit"));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));

        Run run = run(copy, "doctor");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("lima-core is not built yet", "no " + dir + "/mvnw to build it with",
                "./mvnw -q -B -pl lima-core -am package");
    }
}
