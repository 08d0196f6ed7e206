package dev.limajunit.core.engine.limactl;

/**
 * Tells instances of this run from leftovers of runs that died. Instance names carry their run's session id
 * ({@code lj-SESSION-...}); a run is alive while its process holds its session.
 */
public interface RunLiveness {

    /** This run's session id: lower-case letters and digits. */
    String currentSession();

    /** Whether the run with this session id is still alive (this run always is). */
    boolean isAlive(String sessionId);
}
