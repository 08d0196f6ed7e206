package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestFiles;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.GuestTimeoutException;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.RunningCommand;
import dev.limajunit.core.shell.StreamingCommand;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The guest shell of a QEMU instance, made to fail fast and say why when QEMU dies under it: once QEMU exits
 * unexpectedly the SSH shell is closed at once (so a blocked command or wait returns instead of hanging until its
 * timeout), and every failure from then on reads "VM exited (code/signal ...)" with the serial console's tail
 * instead of an SSH error. Running and streaming commands and file access are wrapped the same way.
 */
final class VmExitAwareShell implements GuestShell {

    /** How long a shell failure waits for QEMU's exit to be reported: the socket usually closes first. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final GuestShell delegate;
    private final QemuExit exit;

    VmExitAwareShell(GuestShell delegate, QemuExit exit) {
        this.delegate = delegate;
        this.exit = exit;
        exit.onUnexpectedExit(() -> {
            try {
                delegate.close();
            } catch (RuntimeException e) {
                // already broken: the callers get the VM's exit message instead
            }
        });
    }

    @Override
    public ExecResult exec(Command command) {
        return guarded(() -> delegate.exec(command));
    }

    @Override
    public RunningCommand start(Command command) {
        return wrap(RunningCommand.class, guarded(() -> delegate.start(command)));
    }

    @Override
    public StreamingCommand stream(Command command, OutputListener listener) {
        return wrap(StreamingCommand.class, guarded(() -> delegate.stream(command, listener)));
    }

    @Override
    public GuestFiles files() {
        return wrap(GuestFiles.class, delegate.files());
    }

    @Override
    public void close() {
        exit.expect();
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private RuntimeException translated(RuntimeException e) {
        if (e instanceof GuestTimeoutException && !exit.exited(Duration.ZERO)) {
            return e; // an ordinary timeout on a live VM: no grace wait
        }
        if (e instanceof GuestShellException || e instanceof IllegalStateException) {
            if (exit.exited(EXIT_GRACE)) {
                String message = exit.message().orElse(null);
                if (message != null) {
                    return new GuestShellException(message, e);
                }
            }
        }
        return e;
    }

    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw translated(runtime);
                }
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
