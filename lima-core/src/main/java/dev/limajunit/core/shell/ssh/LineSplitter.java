package dev.limajunit.core.shell.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into UTF-8 lines as it arrives and hands each to a consumer; only the current partial
 * line is held. A trailing CR is dropped; a line longer than {@link #MAX_LINE_BYTES} is handed on in pieces.
 */
final class LineSplitter extends OutputStream {

    static final int MAX_LINE_BYTES = 1 << 20;

    private final Consumer<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    LineSplitter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            current.write(b);
            if (current.size() >= MAX_LINE_BYTES) {
                emit();
            }
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                current.write(b, start, i - start);
                emit();
                start = i + 1;
            } else if (current.size() + (i + 1 - start) >= MAX_LINE_BYTES) {
                current.write(b, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        current.write(b, start, end - start);
    }

    /** Hands on a last line that had no newline. Idempotent. */
    synchronized void finish() {
        if (current.size() > 0) {
            emit();
        }
    }

    @Override
    public void close() {
        finish();
    }

    private void emit() {
        byte[] bytes = current.toByteArray();
        current.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        lines.accept(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
}
