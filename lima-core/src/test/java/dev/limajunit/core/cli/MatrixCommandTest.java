package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Behaviour;
import dev.limajunit.core.report.HostInfo;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Observation;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixCommandTest {

    private static final Behaviour VISIBLE = new Behaviour("host-change-visible", "host change is visible");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void mergesTwoJobsFilesIntoTheThreeReportFiles() throws Exception {
        Path a = job("a.json", "job-9p", MountType.NINEP, Outcome.PASS);
        Path b = job("b.json", "job-virtiofs", MountType.VIRTIOFS, Outcome.FAIL);
        Path outDir = dir.resolve("merged");

        int status = run("matrix", "merge", a.toString(), b.toString(), "-o", outDir.toString());

        assertThat(status).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("merged 2 files (2 runs): 1 behaviours x 2 mount types: 1 fail, 1 pass")
                .contains("wrote " + outDir.resolve("mount-matrix.html"));
        MountMatrix merged = MatrixJson.read(outDir.resolve("mount-matrix.json"));
        assertThat(merged.columns()).containsExactly(MountType.NINEP, MountType.VIRTIOFS);
        assertThat(merged.runs()).extracting(RunInfo::source).containsExactly(a.toString(), b.toString());
        assertThat(Files.readString(outDir.resolve("mount-matrix.md"))).contains("| Behaviour | 9p | virtiofs |");
        assertThat(Files.readString(outDir.resolve("mount-matrix.html"))).contains("<table class=\"matrix\"");
    }

    @Test
    void wrongUsageExitsTwoAndSaysWhatIsMissing() {
        assertThat(run("matrix")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("the actions are \"merge\" and \"diff\"");
        err.reset();
        assertThat(run("matrix", "merge", "a.json")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("the output directory");
        err.reset();
        assertThat(run("matrix", "merge", "a.json", "-o")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("-o needs a directory");
        err.reset();
        assertThat(run("matrix", "merge", "--fast", "a.json")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("unknown option \"--fast\"");
    }

    @Test
    void aMissingOrBrokenFileExitsOneNamingIt() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThat(run("matrix", "merge", missing.toString(), "-o", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(missing + ": no such file");
        err.reset();
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": \"something else\"}");
        assertThat(run("matrix", "merge", broken.toString(), "-o", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(broken + ": not a mount matrix");
        assertThat(dir.resolve("mount-matrix.json")).doesNotExist();
    }

    private Path job(String file, String runId, MountType type, Outcome outcome) {
        MountMatrix m = MountMatrix.builder()
                .run(new RunInfo(runId, Instant.parse("2026-11-28T12:00:00Z"), new HostInfo("Linux", "amd64", "6.1"),
                        List.of("qemu"), List.of(), List.of(), "17", "6.1.3", type.yamlName(), null))
                .add(VISIBLE, type, new Observation(outcome, outcome == Outcome.FAIL ? "still stale" : null, List.of(),
                        "T#t() [" + type + "]", runId))
                .build();
        Path path = dir.resolve(file);
        MatrixJson.write(m, path);
        return path;
    }

    private int run(String... args) {
        return new Main(List.of(new MatrixCommand())).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
