package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Behaviour;
import dev.limajunit.core.report.HostInfo;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.Measurement;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Observation;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code matrix diff} on files the real writer wrote: a qemu-engine run (A) against a limactl-engine run (B). */
class MatrixDiffActionTest {

    private static final Behaviour HOST_CREATE = new Behaviour("host-create-visible", "a new host file shows");
    private static final Behaviour READ_ONLY_EDIT = new Behaviour("read-only-host-edit-visible",
            "a host edit shows in the guest of a read-only mount");
    private static final Behaviour STALE_CACHE = new Behaviour("sshfs-cache-stale",
            "sshfs cache on: a host delete stays invisible for seconds");

    @TempDir
    Path dir;

    @Test
    void anOutcomeDifferenceExitsOneAndIsListedFirst() {
        Path qemu = write("qemu.json", MountMatrix.builder().run(run("q", "qemu"))
                .add(HOST_CREATE, MountType.NINEP, pass("q", 116))
                .add(HOST_CREATE, MountType.VIRTIOFS, pass("q", 73))
                .add(READ_ONLY_EDIT, MountType.NINEP, new Observation(Outcome.KNOWN_LIMITATION,
                        "read-only 9p mounts default to cache=fscache", List.of(), "RoIT#edit() [9p]", "q"))
                .add(STALE_CACHE, MountType.REVERSE_SSHFS, pass("q", 20_255))
                .build());
        Path lima = write("limactl.json", MountMatrix.builder().run(run("l", "limactl"))
                .add(HOST_CREATE, MountType.NINEP, pass("l", 180))
                .add(HOST_CREATE, MountType.VIRTIOFS, pass("l", 2_400))
                .add(READ_ONLY_EDIT, MountType.NINEP, pass("l", 95))
                .build());

        CliRun r = diff(qemu, lima);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(lines(r.out())).contains(
                "- **A**: `" + qemu + "`",
                "- **B**: `" + lima + "`",
                "4 cells: 1 agree, 1 differ in outcome, 1 differ only in latency class, 1 only in A, 0 only in B.",
                "| a host edit shows in the guest of a read-only mount <br>`read-only-host-edit-visible` | 9p"
                        + " | outcome | known limitation · not measured: read-only 9p mounts default to cache=fscache"
                        + " | pass · < 250 ms (p50 95 ms, n=1) |",
                "| a new host file shows <br>`host-create-visible` | virtiofs | latency class"
                        + " | pass · < 250 ms (p50 73 ms, n=1) | pass · 1–10 s (p50 2400 ms, n=1) |",
                "| sshfs cache on: a host delete stays invisible for seconds <br>`sshfs-cache-stale` | reverse-sshfs"
                        + " | only in A | pass · ≥ 10 s (p50 20255 ms, n=1) | not run |",
                "| a new host file shows <br>`host-create-visible` | 9p | pass"
                        + " | < 250 ms (p50 116 ms, n=1) | < 250 ms (p50 180 ms, n=1) |");
        assertThat(r.out()).containsSubsequence("| outcome |", "| latency class |", "| only in A |", "## Agreeing");
        assertThat(r.out()).contains("engine qemu,").contains("engine limactl,");
    }

    @Test
    void latencyClassAndOneSidedDifferencesAloneExitZero() {
        Path a = write("a.json", MountMatrix.builder().run(run("q", "qemu"))
                .add(HOST_CREATE, MountType.NINEP, pass("q", 60)).build());
        Path b = write("b.json", MountMatrix.builder().run(run("l", "limactl"))
                .add(HOST_CREATE, MountType.NINEP, pass("l", 600))
                .add(STALE_CACHE, MountType.REVERSE_SSHFS, pass("l", 12_000)).build());

        CliRun r = diff(a, b);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 cells: 0 agree, 0 differ in outcome, 1 differ only in latency class,"
                + " 0 only in A, 1 only in B.");
    }

    @Test
    void fieldsThisReaderDoesNotKnowAreIgnored() throws Exception {
        MountMatrix m = MountMatrix.builder().run(run("q", "qemu"))
                .add(HOST_CREATE, MountType.VIRTIOFS, pass("q", 73)).build();
        Path a = write("a.json", m);
        // what a later writer may add: a Lima version per run, provenance per cell and per observation
        String extended = MatrixJson.toJson(m)
                .replace("\"runs\" : [ {", "\"notes\" : [ \"x\" ], \"runs\" : [ { \"limaVersion\" : \"2.2.0\",")
                .replace("\"mixed\" : false", "\"mixed\" : false, \"provenance\" : { \"engine\" : \"limactl\" }")
                .replace("\"test\" :", "\"emulatedHostAgent\" : true, \"engine\" : \"limactl\", \"test\" :");
        assertThat(extended).contains("limaVersion", "provenance", "emulatedHostAgent");
        Path b = Files.writeString(dir.resolve("b.json"), extended);

        CliRun r = diff(a, b);

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 cell: 1 agree, 0 differ in outcome");
    }

    @Test
    void aMissingOrMalformedFileExitsTwoNamingTheFileAndTheProblem() throws Exception {
        Path good = write("good.json", MountMatrix.builder().run(run("q", "qemu"))
                .add(HOST_CREATE, MountType.NINEP, pass("q", 60)).build());
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("truncated.json"), "{\"format\": \"lima-junit mount");
        Path badOutcome = Files.writeString(dir.resolve("bad.json"),
                Files.readString(good).replace("\"outcome\" : \"pass\"", "\"outcome\" : \"green\""));

        CliRun r = diff(good, missing);
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).isEqualTo("lima-junit matrix diff: " + missing + ": no such file\n");
        assertThat(r.out()).isEmpty();

        r = diff(notJson, good);
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("lima-junit matrix diff: " + notJson + ": not JSON: ");

        r = diff(good, badOutcome);
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(badOutcome + ": rows[0].cells.9p").contains("outcome \"green\" is not one of");

        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        r = diff(binary, good);
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("lima-junit matrix diff: " + binary + ": not UTF-8 text, so no mount matrix");

        r = diff(good, dir);
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains(dir + ": not a regular file");
    }

    @Test
    void wrongUsageExitsTwo() {
        CliRun one = CliRun.of(List.of(new MatrixCommand()), "matrix", "diff", "a.json");
        assertThat(one.exitCode()).isEqualTo(Main.USAGE);
        assertThat(one.err()).contains("name exactly two mount-matrix.json files, got 1")
                .contains("usage: lima-junit matrix diff A.json B.json");
        CliRun option = CliRun.of(List.of(new MatrixCommand()), "matrix", "diff", "--json", "a.json", "b.json");
        assertThat(option.exitCode()).isEqualTo(Main.USAGE);
        assertThat(option.err()).contains("unknown option \"--json\"");
    }

    private CliRun diff(Path a, Path b) {
        return CliRun.of(List.of(new MatrixCommand()), "matrix", "diff", a.toString(), b.toString());
    }

    private Path write(String name, MountMatrix matrix) {
        Path file = dir.resolve(name);
        MatrixJson.write(matrix, file);
        return file;
    }

    private static RunInfo run(String id, String engine) {
        return new RunInfo(id, Instant.parse("2026-12-03T08:00:00Z"), new HostInfo("Linux", "amd64", "6.1.0-28-amd64"),
                List.of(engine), List.of("6.1.0-41-amd64"), List.of(), "17.0.15 (Debian)", "6.1.3", null, null);
    }

    private static Observation pass(String run, long millis) {
        return new Observation(Outcome.PASS, null, List.of(new Measurement("host change visible in guest", millis)),
                "VisibilityIT#x()", run);
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n"));
    }
}
