package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.limajunit.core.config.MountType;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report from {@code file://} in headless Chromium with networking off, as a reader would open a CI
 * artifact: the browser must parse the matrix table, and the inline CSS must colour the cells. Skipped when no
 * Chromium is installed ({@code apt-get install chromium}); {@code -Dlima.chromium=PATH} picks a binary.
 */
class MatrixHtmlChromiumIT {

    private static Path chromium;

    @TempDir
    static Path dir;

    private static Path html;

    @BeforeAll
    static void findChromiumAndWriteTheReport() {
        Optional<Path> found = findChromium();
        assumeTrue(found.isPresent(), "no Chromium on PATH (chromium, chromium-browser, google-chrome) and no"
                + " -Dlima.chromium: install Debian's chromium to check the HTML report in a browser");
        chromium = found.get();
        LinkedHashMap<String, MountMatrix> jobs = new LinkedHashMap<>();
        jobs.put("9p.json", ninePJob());
        jobs.put("other.json", otherJob());
        html = MatrixFiles.write(MatrixMerge.merge(jobs), dir.resolve("report")).get(2);
    }

    @Test
    void theBrowserParsesTheMatrixTable() throws Exception {
        String dom = run("--dump-dom", html.toUri().toString());
        assertThat(dom).contains("<table class=\"matrix\" id=\"matrix\">");
        assertThat(Pattern.compile("<tr id=\"row-").matcher(dom).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("<td class=\"cell ").matcher(dom).results().count()).isEqualTo(9);
        assertThat(dom).contains("<th scope=\"col\">reverse-sshfs</th>").contains("known limitation");
    }

    @Test
    void theInlineStylesColourTheCells() throws Exception {
        Path png = dir.resolve("matrix.png");
        run("--window-size=1280,900", "--screenshot=" + png, html.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        // pass #dafbe1, fail #ffd8d3, known limitation #fff1c2 (MatrixHtml's CSS)
        assertThat(countPixels(image, 0xdafbe1)).as("pass-green pixels").isGreaterThan(1000);
        assertThat(countPixels(image, 0xffd8d3)).as("fail-red pixels").isGreaterThan(1000);
        assertThat(countPixels(image, 0xfff1c2)).as("known-limitation pixels").isGreaterThan(1000);
    }

    @Test
    void thePerformanceSectionDrawsABarPerTypeBesideNative() throws Exception {
        MountMatrix.Builder bench = MountMatrix.builder().run(SampleMatrices.run("bench", null));
        for (MountType type : List.of(MountType.NINEP, MountType.VIRTIOFS, MountType.REVERSE_SSHFS)) {
            bench.figure(new SpeedFigure("create-delete", "create and delete 1000 small files", type, "default",
                    SpeedUnit.SECONDS, type == MountType.NINEP ? 9 : 3, 1, "bench"));
        }
        Path page = MatrixFiles.write(bench.build(), dir.resolve("bench")).get(2);

        String dom = run("--dump-dom", page.toUri().toString());
        assertThat(Pattern.compile("<span class=\"bar mount\"").matcher(dom).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("<span class=\"bar native\"").matcher(dom).results().count()).isEqualTo(3);
        Path png = dir.resolve("bench.png");
        run("--window-size=1280,900", "--screenshot=" + png, page.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        // mount bars #0969da, native bars #8c959f (SpeedSection's CSS): the widest mount bar fills its column
        assertThat(countPixels(image, 0x0969da)).as("mount-blue pixels").isGreaterThan(1000);
        assertThat(countPixels(image, 0x8c959f)).as("native-grey pixels").isGreaterThan(100);
    }

    private static long countPixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Runs Chromium headless with a throw-away profile and no background network; returns its stdout. */
    private static String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within 60 s: " + command);
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as("chromium exit status; its stderr:%n%s", Files.readString(log)).isZero();
        return out;
    }

    private static Optional<Path> findChromium() {
        String configured = System.getProperty("lima.chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(d, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
