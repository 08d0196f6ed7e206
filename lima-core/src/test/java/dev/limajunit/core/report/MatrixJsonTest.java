package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MatrixJsonTest {

    @Test
    void writesRunsColumnsRowsAndDerivedCellSummaries() {
        JsonNode root = JsonMapper.shared().readTree(MatrixJson.toJson(ninePJob()));
        assertThat(root.path("format").asString()).isEqualTo(MatrixJson.FORMAT);
        assertThat(root.path("formatVersion").asInt()).isEqualTo(1);
        JsonNode run = root.path("runs").get(0);
        assertThat(run.path("id").asString()).isEqualTo("ci-9p");
        assertThat(run.path("host").path("kernel").asString()).isEqualTo("6.1.0-28-amd64");
        assertThat(run.path("mountTypes").asString()).isEqualTo("9p");
        assertThat(run.path("virtiofsd").get(0).asString())
                .isEqualTo("/usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd (virtiofsd 1.14.0)");
        assertThat(root.path("columns").get(0).asString()).isEqualTo("9p");
        JsonNode cell = root.path("rows").get(0).path("cells").path("9p");
        assertThat(cell.path("outcome").asString()).isEqualTo("pass");
        assertThat(cell.path("latencyMs").path("p50").asLong()).isEqualTo(23);
        assertThat(cell.path("latencyMs").path("p95").asLong()).isEqualTo(41);
        assertThat(cell.path("observations").get(0).path("measurements").size()).isEqualTo(3);
        JsonNode limitation = root.path("rows").get(1).path("cells").path("9p");
        assertThat(limitation.path("outcome").asString()).isEqualTo("known-limitation");
        assertThat(limitation.path("reason").asString()).contains("new inode");
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) {
        Path file = dir.resolve("m.json");
        MountMatrix original = otherJob();
        MatrixJson.write(original, file);
        MountMatrix read = MatrixJson.read(file);
        assertThat(read.runs()).isEqualTo(original.runs());
        assertThat(read.rows()).isEqualTo(original.rows());
        assertThat(read.columns()).isEqualTo(original.columns());
        for (Behaviour b : original.rows()) {
            for (MountType c : original.columns()) {
                assertThat(read.cell(b.id(), c)).isEqualTo(original.cell(b.id(), c));
            }
        }
        assertThat(MatrixJson.toJson(read)).isEqualTo(MatrixJson.toJson(original));
    }

    @Test
    void errorsNameTheSourceAndThePlace() {
        assertThatThrownBy(() -> MatrixJson.parse("{\"x\":1}", "a.json"))
                .isInstanceOf(MatrixFormatException.class).hasMessageContaining("a.json: not a mount matrix");
        assertThatThrownBy(() -> MatrixJson.parse("{", "a.json"))
                .isInstanceOf(MatrixFormatException.class).hasMessageContaining("a.json: not JSON");
        String badColumn = MatrixJson.toJson(ninePJob()).replace("\"9p\" : {", "\"nfs\" : {");
        assertThatThrownBy(() -> MatrixJson.parse(badColumn, "b.json"))
                .isInstanceOf(MatrixFormatException.class)
                .hasMessageContaining("b.json: rows[0].cells.nfs")
                .hasMessageContaining("\"nfs\" is not one of");
        String badOutcome = MatrixJson.toJson(ninePJob()).replace("\"outcome\" : \"known-limitation\"",
                "\"outcome\" : \"meh\"");
        assertThatThrownBy(() -> MatrixJson.parse(badOutcome, "c.json"))
                .hasMessageContaining("c.json: rows[1].cells.9p.observations[0]")
                .hasMessageContaining("\"meh\"");
        String future = MatrixJson.toJson(ninePJob()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> MatrixJson.parse(future, "d.json")).hasMessageContaining("formatVersion 2");
    }
}
