package dev.limajunit.core.shell.ssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineSplitterTest {

    @Test
    void splitsAcrossWritesAndKeepsUtf8Intact() {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(lines::add);
        byte[] bytes = "ä\r\nbü\n\nlast".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            splitter.write(new byte[] {b}, 0, 1); // a multi-byte character split across writes
        }
        assertThat(lines).containsExactly("ä", "bü", "");

        splitter.finish();
        splitter.finish();
        assertThat(lines).containsExactly("ä", "bü", "", "last");
    }

    @Test
    void anEndlessLineIsHandedOnInPieces() {
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(lines::add);
        byte[] chunk = new byte[LineSplitter.MAX_LINE_BYTES / 2 + 1];
        Arrays.fill(chunk, (byte) 'x');
        splitter.write(chunk, 0, chunk.length);
        splitter.write(chunk, 0, chunk.length);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).hasSize(LineSplitter.MAX_LINE_BYTES);
    }
}
