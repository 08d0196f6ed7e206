package dev.limajunit.core.process;

import java.util.Optional;

/**
 * A host process that carries a lima-junit session marker in its environment (it, or an ancestor, was started
 * through a {@link ProcessRegistry}).
 *
 * @param pid     its process id
 * @param session the run's session id ({@link RunSession#ENV_VAR})
 * @param owner   the JVM that started it ({@link RunSession#OWNER_ENV_VAR}); empty for processes of versions that
 *                did not record it, which a sweep therefore leaves alone
 * @param command its command line, for messages
 */
public record MarkedProcess(long pid, String session, Optional<ProcessOwner> owner, String command) {

    @Override
    public String toString() {
        return "pid " + pid + " (session " + session + "): " + command;
    }
}
