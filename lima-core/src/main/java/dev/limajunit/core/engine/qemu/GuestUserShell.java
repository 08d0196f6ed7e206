package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestFiles;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.RunningCommand;
import dev.limajunit.core.shell.StreamingCommand;

/**
 * The shell tests get: logged in as the guest user, as {@code limactl shell} is. The kit's guest has no sudo, so a
 * command that asks for another user ({@link Command#asUser}, e.g. root) runs from the engine's root session instead,
 * where switching users needs no password; on Lima the same command goes through the user's passwordless sudo.
 */
final class GuestUserShell implements GuestShell {

    private final GuestUser user;
    private final GuestShell asUser;
    private final GuestShell asRoot;

    GuestUserShell(GuestUser user, GuestShell asUser, GuestShell asRoot) {
        this.user = user;
        this.asUser = asUser;
        this.asRoot = asRoot;
    }

    @Override
    public ExecResult exec(Command command) {
        return sessionFor(command).exec(command);
    }

    @Override
    public RunningCommand start(Command command) {
        return sessionFor(command).start(command);
    }

    @Override
    public StreamingCommand stream(Command command, OutputListener listener) {
        return sessionFor(command).stream(command, listener);
    }

    /** SFTP as the guest user: what it may read and write is what the user may. */
    @Override
    public GuestFiles files() {
        return asUser.files();
    }

    /** Closes the user's session; the root session belongs to the instance, which closes it after the mounts. */
    @Override
    public void close() {
        asUser.close();
    }

    private GuestShell sessionFor(Command command) {
        return command.user() == null ? asUser : asRoot;
    }

    @Override
    public String toString() {
        return "guest shell as " + user.name() + " (uid " + user.uid() + ")";
    }
}
