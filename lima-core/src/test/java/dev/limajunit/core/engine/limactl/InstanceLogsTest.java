package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceLogsTest {

    @Test
    void hostAgentJsonLinesBecomeLevelAndMessage() {
        String tail = "{\"level\":\"info\",\"msg\":\"SSH Local Port: 60022\",\"time\":\"2026-11-28T10:00:00Z\"}\n"
                + "{\"error\":\"exit status 1\",\"level\":\"warning\",\"msg\":\"failed to "
                        + "mount\",\"time\":\"2026-11-28T10:00:01Z\"}\n"
                + "not json at all";

        assertThat(InstanceLogs.readableHostAgentLog(tail)).isEqualTo(
                "info SSH Local Port: 60022\nwarning failed to mount error=exit status 1\nnot json at all");
    }
}
