package dev.limajunit.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The machine a run happened on. {@code kernel} is {@code uname -r} (on macOS the Darwin version, not "14.5"). */
public record HostInfo(String os, String arch, String kernel) {

    public static HostInfo current() {
        return new HostInfo(System.getProperty("os.name"), System.getProperty("os.arch"), unameR());
    }

    private static String unameR() {
        try {
            Process p = new ProcessBuilder("uname", "-r").redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                    return out;
                }
            } finally {
                p.destroy();
            }
        } catch (IOException e) {
            // no uname (Windows): the JVM's idea of the OS version is the next best thing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.getProperty("os.version");
    }
}
