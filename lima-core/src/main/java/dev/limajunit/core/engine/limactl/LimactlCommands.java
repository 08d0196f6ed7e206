package dev.limajunit.core.engine.limactl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The limactl sub-commands this engine uses, each with the arguments Lima expects from a script. */
final class LimactlCommands {

    private final Limactl limactl;
    private final Duration timeout;

    LimactlCommands(Limactl limactl, Duration timeout) {
        this.limactl = limactl;
        this.timeout = timeout;
    }

    LimactlResult version() {
        return limactl.run(timeout, "--version");
    }

    /** {@code limactl create --name=NAME --tty=false FILE}: writes the instance directory, boots nothing. */
    LimactlResult create(String name, Path limaYaml) {
        return limactl.run(timeout, "create", "--name=" + name, "--tty=false", limaYaml.toString());
    }

    /**
     * {@code limactl start --tty=false --timeout=Ns NAME}: boots and waits for Lima's "READY."; it is killed when it
     * runs past its own timeout by as much again (at most a minute), e.g. when it hangs.
     */
    LimactlResult start(String name, Duration startTimeout) {
        long seconds = Math.max(1, startTimeout.toSeconds());
        Duration grace = startTimeout.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(seconds)
                : Duration.ofMinutes(1);
        return limactl.run(Duration.ofSeconds(seconds).plus(grace), "start", "--tty=false", "--timeout=" + seconds
                + "s",
                name);
    }

    /** {@code limactl list --json}: every instance; an empty list when there is none. */
    List<LimaInstanceStatus> listAll() {
        LimactlResult result = limactl.run(timeout, "list", "--json");
        if (!result.succeeded()) {
            throw new LimactlException("`" + result.commandLine() + "` failed (exit " + result.exitCode() + "):\n"
                    + result.stderrTail(10), result);
        }
        return LimaListParser.parse(result.stdout());
    }

    /** {@code limactl list --json NAME}: empty when Lima does not know the instance. */
    Optional<LimaInstanceStatus> list(String name) {
        LimactlResult result = limactl.run(timeout, "list", "--json", name);
        if (!result.succeeded()) {
            // Lima exits 1 with "No instance matching NAME found." for an unknown name
            return Optional.empty();
        }
        return LimaListParser.parse(result.stdout()).stream().filter(i -> name.equals(i.name())).findFirst();
    }

    /** {@code limactl stop NAME}: a graceful shutdown. */
    LimactlResult stop(String name) {
        return limactl.run(timeout, "stop", name);
    }

    /** {@code limactl stop -f NAME}: kills the host agent and the VM at once, e.g. after a start timed out. */
    LimactlResult stopForce(String name) {
        return limactl.run(timeout, "stop", "-f", name);
    }

    /** {@code limactl delete --force NAME}: removes the instance directory, running or not. */
    LimactlResult deleteForce(String name) {
        return limactl.run(timeout, "delete", "--force", name);
    }
}
