package dev.limajunit.core.engine.qemu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of QEMU's machine protocol (QMP) on a unix socket: one command at a time, asynchronous events
 * skipped. Enough for what the snapshot boot needs (stop, migrate, query, cont, chardev-add, device_add, quit); no
 * maintained Java QMP library exists on Maven Central.
 */
final class QmpClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final Writer out;

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    /** Connects, reads QEMU's greeting and leaves capabilities negotiation mode. */
    static QmpClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            QmpClient client = new QmpClient(channel);
            JsonNode greeting = client.readMessage();
            if (!greeting.has("QMP")) {
                throw new IOException("QEMU's QMP socket " + socket + " greeted with " + greeting);
            }
            client.execute("qmp_capabilities", Map.of());
            return client;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Runs one command and returns its {@code return} value; a QMP error becomes an {@link IOException}. */
    JsonNode execute(String command, Map<String, ?> arguments) throws IOException {
        Map<String, Object> request = arguments.isEmpty() ? Map.of("execute", command)
                : Map.of("execute", command, "arguments", arguments);
        out.write(JSON.writeValueAsString(request) + "\n");
        out.flush();
        while (true) {
            JsonNode reply = readMessage();
            if (reply.has("event")) {
                continue;
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + " failed: " + reply.get("error").path("desc").asString());
            }
            return reply.path("return");
        }
    }

    /** The VM's run state ("running", "paused", "inmigrate", "postmigrate", ...). */
    String status() throws IOException {
        return execute("query-status", Map.of()).path("status").asString();
    }

    private JsonNode readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QEMU closed its QMP socket (it has exited)");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
