package dev.limajunit.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessRegistryTest {

    private final ProcessRegistry registry = new ProcessRegistry();

    @Test
    void aStartedProcessCarriesTheSessionIdAndCloseEndsIt() throws IOException {
        ManagedProcess sleep = registry.start("sleeper", new ProcessBuilder("sleep", "60"));

        String environ = new String(Files.readAllBytes(Path.of("/proc/" + sleep.pid() + "/environ")),
                StandardCharsets.UTF_8);
        assertThat(environ).contains(RunSession.ENV_VAR + "=" + RunSession.id());
        assertThat(registry.live()).containsExactly(sleep);

        sleep.close();

        assertThat(sleep.process().onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(registry.live()).isEmpty();
    }

    @Test
    void closeAllEndsEveryProcessAndItsChildrenAndTellsListeners() throws IOException {
        List<String> ended = new ArrayList<>();
        registry.addListener(new ProcessRegistry.Listener() {
            @Override
            public void started(ManagedProcess process) {
            }

            @Override
            public void ended(ManagedProcess process) {
                synchronized (ended) {
                    ended.add(process.name());
                }
            }
        });
        ManagedProcess a = registry.start("a", new ProcessBuilder("sleep", "60"));
        ManagedProcess b = registry.start("b", new ProcessBuilder("sh", "-c", "sleep 60 & wait"));
        List<ProcessHandle> children = b.process().toHandle().children().toList();

        registry.closeAll();

        assertThat(a.process().onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(b.process().onExit()).succeedsWithin(Duration.ofSeconds(5));
        children.forEach(child -> assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(5)));
        assertThat(ended).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void theSessionIdIsShortHex() {
        assertThat(RunSession.id()).matches("[0-9a-f]{8}");
    }
}
