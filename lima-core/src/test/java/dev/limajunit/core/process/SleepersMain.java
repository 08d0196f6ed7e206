package dev.limajunit.core.process;

import java.io.File;
import java.util.List;

/**
 * A run that starts helper-like processes through the registry and then waits to be killed: {@code N} plain
 * {@code sleep}s and one {@code sh} that forks a grandchild, which only the environment marker can find.
 */
public final class SleepersMain {

    private SleepersMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        System.out.println("SESSION " + RunSession.id());
        for (int i = 0; i < count; i++) {
            ProcessRegistry.global().start("sleeper " + i, quiet(new ProcessBuilder("sleep", "600")));
        }
        ProcessRegistry.global().start("forking sleeper", quiet(new ProcessBuilder("sh", "-c",
                "sleep 600 & sleep 600")));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static ProcessBuilder quiet(ProcessBuilder builder) {
        return builder.redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    static List<String> args(int count) {
        return List.of(Integer.toString(count));
    }
}
