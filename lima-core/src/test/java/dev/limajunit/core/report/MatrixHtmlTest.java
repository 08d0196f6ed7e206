package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static dev.limajunit.core.report.SampleMatrices.outcome;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatrixHtmlTest {

    private static final Pattern TD = Pattern.compile("<td class=\"cell ([a-z -]+)\"");

    @Test
    void isOnePageWithNoExternalResourceAndNoScript() {
        String html = MatrixHtml.render(ninePJob());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").contains("<style>")
                .endsWith("</html>\n");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=").doesNotContain("url(");
    }

    @Test
    void cellsAreColouredByOutcomeAndCarryTheirReason() {
        MountMatrix merged = MatrixMerge.merge(Map.of("9p.json", ninePJob(), "other.json", otherJob()));
        String html = MatrixHtml.render(merged);
        Matcher m = TD.matcher(html);
        int cells = 0;
        while (m.find()) {
            cells++;
        }
        // 3 behaviours x 3 mount types
        assertThat(cells).isEqualTo(9);
        assertThat(html).contains("<th scope=\"col\">reverse-sshfs</th><th scope=\"col\">9p</th>"
                + "<th scope=\"col\">virtiofs</th>");
        assertThat(html).contains("<td class=\"cell known-limitation\" data-outcome=\"known-limitation\""
                + " title=\"known limitation: 9p hands out a new inode");
        assertThat(html).contains("<td class=\"cell fail mixed\" data-outcome=\"fail\""
                + " title=\"fail: write succeeded on a read-only 9p mount");
        assertThat(html).contains("<td class=\"cell untested\" title=\"not tested\">–</td>");
        assertThat(html).contains("p50 23 ms · p95 41 ms · n=3");
        assertThat(html).containsPattern("<li id=\"note-\\d+\"><strong>a read-only mount refuses writes</strong>"
                + " on 9p:<ul><li class=\"fail\">");
    }

    @Test
    void escapesEverythingTestsCanSay() {
        MountMatrix m = MountMatrix.builder().run(run("r", null))
                .add(new Behaviour("x", "<b>bold</b> & \"quoted\""), MountType.NINEP,
                        outcome(Outcome.FAIL, "<script>alert(1)</script>", "T#t()", "r"))
                .build();
        String html = MatrixHtml.render(m);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold")
                .contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
    }
}
