package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a scripted QMP peer on a real unix socket (QEMU itself is met by the qemu engine's ITs). */
class QmpClientTest {

    @TempDir
    Path dir;

    @Test
    void negotiatesSkipsEventsAndReturnsTheResult() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Path socket = peer(received, List.of(
                "{\"return\": {}}",
                "{\"event\": \"STOP\", \"timestamp\": {}}",
                "{\"return\": {\"status\": \"paused\", \"running\": false}}"));
        try (QmpClient qmp = QmpClient.connect(socket)) {
            assertThat(qmp.status()).isEqualTo("paused");
        }
        assertThat(received).containsExactly("{\"execute\":\"qmp_capabilities\"}", "{\"execute\":\"query-status\"}");
    }

    @Test
    void aQmpErrorNamesTheCommandAndQemusReason() throws Exception {
        Path socket = peer(new CopyOnWriteArrayList<>(), List.of("{\"return\": {}}",
                "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Duplicate device ID 'x'\"}}"));
        try (QmpClient qmp = QmpClient.connect(socket)) {
            assertThatThrownBy(() -> qmp.execute("device_add", Map.of("id", "x")))
                    .isInstanceOf(IOException.class).hasMessage("QMP device_add failed: Duplicate device ID 'x'");
        }
    }

    private Path peer(List<String> received, List<String> replies) throws IOException {
        Path socket = dir.resolve("qmp.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (server; SocketChannel client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                        StandardCharsets.UTF_8));
                Writer out = Channels.newWriter(client, StandardCharsets.UTF_8);
                out.write("{\"QMP\": {\"version\": {}, \"capabilities\": []}}\n");
                out.flush();
                int reply = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    received.add(line);
                    do {
                        out.write(replies.get(reply) + "\n");
                    } while (replies.get(reply++).contains("\"event\""));
                    out.flush();
                }
            } catch (IOException e) {
                // the client closed
            }
        });
        return socket;
    }
}
