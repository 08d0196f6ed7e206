package dev.limajunit.core.engine.limactl;

import java.nio.file.Path;
import java.util.Map;

/** Where Lima keeps instances for a run: the user's {@code LIMA_HOME}, or a short private one per session. */
final class LimaHomes {

    private LimaHomes() {
    }

    /**
     * The private home is {@code /tmp/lj-SESSION}, not under {@code java.io.tmpdir}: on macOS that is a long
     * {@code /var/folders/...} path that leaves little room for socket paths.
     */
    static LimaHome resolve(Map<String, String> environment, boolean privateHome, String session) {
        if (privateHome) {
            return new LimaHome(Path.of("/tmp", InstanceNames.PREFIX + session), true);
        }
        String configured = environment.get("LIMA_HOME");
        if (configured != null && !configured.isBlank()) {
            return new LimaHome(Path.of(configured).toAbsolutePath(), false);
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return new LimaHome(Path.of(home, ".lima"), false);
    }
}
