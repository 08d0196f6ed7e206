package dev.limajunit.core.shell.ssh;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real OpenSSH sshd on 127.0.0.1 ({@link LocalSshd}) and one {@link SshGuestShell} connected to it, for a test
 * class: started on the first {@code SshGuestShell} or {@code LocalSshd} parameter (usually of a
 * {@code @BeforeAll} method), shared by the class's tests, closed (shell first) when the class ends.
 */
public final class LocalSshShell implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSshShell.class);

    /** The class's sshd and shell, closed by the store when the class's context ends. */
    private static final class Running implements AutoCloseable {

        private final LocalSshd sshd = LocalSshd.start();
        private final SshGuestShell shell;

        Running() {
            SshGuestShell connected;
            try {
                connected = SshGuestShell.connect(sshd.target(), Duration.ofSeconds(20));
            } catch (RuntimeException e) {
                sshd.close();
                throw e;
            }
            shell = connected;
        }

        @Override
        public void close() {
            try {
                shell.close();
            } finally {
                sshd.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SshGuestShell.class || type == LocalSshd.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(classContext(context));
        return parameter.getParameter().getType() == LocalSshd.class ? running.sshd : running.shell;
    }

    @SuppressWarnings("deprecation") // computeIfAbsent is 6.0+; getOrComputeIfAbsent works on 5.13 and 6.x
    private static Running running(ExtensionContext classContext) {
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> new Running(),
                Running.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
