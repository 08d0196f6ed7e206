package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** .github/workflows/limactl.yml is valid YAML and runs the limactl engine on a macOS and an Ubuntu runner. */
class LimactlWorkflowTest {

    private static final Path WORKFLOW = Path.of("../.github/workflows/limactl.yml");

    @Test
    void macOsAndUbuntuJobsRunTheSamplesWithEngineLimactl() throws Exception {
        Assumptions.assumeTrue(Files.exists(WORKFLOW), "not run from the lima-core module of a checkout: no "
                + WORKFLOW);
        JsonNode workflow = YAMLMapper.builder().build().readTree(Files.readString(WORKFLOW));

        JsonNode jobs = workflow.get("jobs");
        assertThat(jobs.get("macos").get("runs-on").asString()).startsWith("macos-");
        assertThat(jobs.get("ubuntu").get("runs-on").asString()).startsWith("ubuntu-");
        for (String job : List.of("macos", "ubuntu")) {
            JsonNode types = jobs.get(job).get("strategy").get("matrix").get("mountType");
            List<String> mountTypes = new ArrayList<>();
            types.forEach(t -> mountTypes.add(t.asString()));
            assertThat(mountTypes).as(job + " mount types").contains("reverse-sshfs")
                    .contains(job.equals("macos") ? "virtiofs" : "9p")
                    .allMatch(t -> List.of("reverse-sshfs", "9p", "virtiofs").contains(t));
            assertThat(jobs.get(job).get("env").get("LIMA_JUNIT_ARGS").asString())
                    .contains("-Dlima.engine=limactl", "-Dlima.mountTypes=${{ matrix.mountType }}");
            List<String> runs = new ArrayList<>();
            jobs.get(job).get("steps").forEach(step -> runs.add(step.path("run").asString("")));
            // Ubuntu builds Lima with the script .ci/run uses, which checks `limactl --version` itself.
            assertThat(runs).anyMatch(r -> r.contains(job.equals("macos") ? "limactl --version" : "bin/install-lima"))
                    .anyMatch(r -> r.contains("-pl samples") && r.contains("$LIMA_JUNIT_ARGS"))
                    .anyMatch(r -> r.contains("-Dit.test='Limactl*IT'"));
        }
    }
}
