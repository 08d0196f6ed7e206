package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every cell says what produced it: the engine, and under the qemu engine with mountInotify the emulated host agent,
 * so a reader never takes our emulation of Lima for Lima.
 */
class MatrixProvenanceTest {

    static final Behaviour INOTIFY = new Behaviour("mount-inotify-host-create",
            "with mountInotify: a host create raises ATTRIB in the guest");
    static final Behaviour VISIBLE = new Behaviour("host-create-visible", "a new host file shows in the guest");
    static final String EMULATED = "qemu, emulated host agent";

    private static MountMatrix matrix() {
        return MountMatrix.builder().run(run("r", null))
                .add(INOTIFY, MountType.NINEP, observation("MountInotifyIT [9p]", EMULATED))
                .add(INOTIFY, MountType.VIRTIOFS, observation("MountInotifyIT [virtiofs]", "limactl"))
                .add(VISIBLE, MountType.NINEP, observation("MountVisibilityIT [9p]", "qemu"))
                .add(VISIBLE, MountType.VIRTIOFS, new Observation(Outcome.SKIPPED, "no virtiofsd", List.of(),
                        "MountVisibilityIT [virtiofs]", "r"))
                .build();
    }

    private static Observation observation(String test, String provenance) {
        return new Observation(Outcome.PASS, null, List.of(), test, "r", provenance);
    }

    @Test
    void theJsonCellAndEachObservationCarryTheProvenanceAndReadBack() {
        JsonNode root = JsonMapper.shared().readTree(MatrixJson.toJson(matrix()));
        JsonNode cells = cells(root, INOTIFY);
        assertThat(cells.path("9p").path("provenance").get(0).asString()).isEqualTo(EMULATED);
        assertThat(cells.path("9p").path("observations").get(0).path("provenance").asString()).isEqualTo(EMULATED);
        assertThat(cells.path("virtiofs").path("provenance").get(0).asString()).isEqualTo("limactl");
        JsonNode skipped = cells(root, VISIBLE).path("virtiofs");
        assertThat(skipped.path("provenance").isEmpty()).as("a skip has no VM behind it").isTrue();

        MountMatrix back = MatrixJson.parse(MatrixJson.toJson(matrix()), "m.json");
        assertThat(back.cell(INOTIFY.id(), MountType.NINEP).orElseThrow().provenances()).containsExactly(EMULATED);
    }

    private static JsonNode cells(JsonNode root, Behaviour row) {
        for (JsonNode r : root.path("rows")) {
            if (r.path("id").asString().equals(row.id())) {
                return r.path("cells");
            }
        }
        throw new AssertionError("no row " + row.id() + " in " + root);
    }

    @Test
    void theMarkdownCellNamesWhatProducedIt() {
        String md = MatrixMarkdown.render(matrix());
        String inotifyRow = md.lines().filter(l -> l.contains("`" + INOTIFY.id() + "`")).findFirst().orElseThrow();
        assertThat(inotifyRow).contains("pass <br><sub>" + EMULATED + "</sub>").contains("<sub>limactl</sub>");
        String visibleRow = md.lines().filter(l -> l.contains("`" + VISIBLE.id() + "`")).findFirst().orElseThrow();
        assertThat(visibleRow).contains("pass <br><sub>qemu</sub>").doesNotContain("emulated");
    }

    @Test
    void theHtmlCellNamesWhatProducedIt() {
        String html = MatrixHtml.render(matrix());
        assertThat(html).contains("<span class=\"provenance\">" + EMULATED + "</span>")
                .contains("<span class=\"provenance\">limactl</span>")
                .contains("produced by: " + EMULATED);
    }
}
