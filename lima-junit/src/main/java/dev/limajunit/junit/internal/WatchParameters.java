package dev.limajunit.junit.internal;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.Watch;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Resolves {@link GuestFileWatcher}, {@link HostActions} and {@link EventLog} parameters: one timeline per test and
 * mount (see {@link TestTimelines}), the mount picked as for {@link MountedDirectory}, the watcher configured by
 * {@link Watch}. Also finds the misplaced and misconfigured ones before anything boots.
 */
final class WatchParameters {

    static final Set<Class<?>> TYPES = Set.of(GuestFileWatcher.class, HostActions.class, EventLog.class);

    private WatchParameters() {
    }

    static Object resolve(ParameterContext parameter, ExtensionContext context, List<MountedDirectory> mounts) {
        String where = InstanceParameters.where(parameter);
        Class<?> type = parameter.getParameter().getType();
        Optional<String> problem = problem(parameter.getParameter(), parameter.getDeclaringExecutable())
                .or(() -> context.getTestMethod().isEmpty() ? Optional.of(perTestRule(type)) : Optional.empty());
        if (problem.isPresent()) {
            throw new ParameterResolutionException(where + ": " + problem.get());
        }
        Optional<WatchRequest> asked = parameter.findAnnotation(Watch.class).map(WatchRequest::of);
        MountTimeline timeline = TestTimelines.of(context).on(InstanceParameters.mount(parameter, mounts));
        if (type == EventLog.class) {
            return timeline.log();
        }
        if (type == HostActions.class) {
            return timeline.host();
        }
        return timeline.watcher(asked, where);
    }

    /**
     * Every watcher parameter of the class (and its superclasses) that is misplaced or whose {@link Watch} breaks a
     * rule, as one error naming each parameter; empty when there is none.
     */
    static Optional<LimaConfigurationException> problems(Class<?> testClass) {
        List<String> problems = new ArrayList<>();
        Stream.concat(Stream.of(testClass.getDeclaredConstructors()),
                        ReflectionSupport.findMethods(testClass, m -> true, HierarchyTraversalMode.TOP_DOWN).stream())
                .forEach(executable -> {
                    for (Parameter p : executable.getParameters()) {
                        problem(p, executable).ifPresent(problem -> problems.add(
                                "parameter " + p.getName() + " of " + name(executable) + ": " + problem));
                    }
                });
        return problems.isEmpty() ? Optional.empty() : Optional.of(new LimaConfigurationException(
                testClass.getName() + " has " + (problems.size() == 1 ? "an invalid watcher parameter" : problems.size()
                        + " invalid watcher parameters") + " (nothing was booted):\n  " + String.join("\n  ",
                        problems)));
    }

    private static Optional<String> problem(Parameter p, Executable executable) {
        Optional<Watch> watch = AnnotationSupport.findAnnotation(p, Watch.class);
        if (watch.isPresent() && p.getType() != GuestFileWatcher.class) {
            return Optional.of("@Watch configures a GuestFileWatcher parameter, not a " + p.getType().getSimpleName());
        }
        Optional<String> misplaced = misplaced(p, executable);
        if (misplaced.isPresent()) {
            return misplaced;
        }
        try {
            watch.ifPresent(WatchRequest::of);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why a watcher parameter cannot be declared here: it lives for one test. */
    private static Optional<String> misplaced(Parameter p, Executable executable) {
        if (!TYPES.contains(p.getType())) {
            return Optional.empty();
        }
        boolean perClass = executable instanceof Constructor<?>
                || AnnotationSupport.isAnnotated(executable, BeforeAll.class)
                || AnnotationSupport.isAnnotated(executable, AfterAll.class);
        return perClass ? Optional.of(perTestRule(p.getType())) : Optional.empty();
    }

    private static String perTestRule(Class<?> type) {
        String article = "AEIOU".indexOf(type.getSimpleName().charAt(0)) >= 0 ? "an " : "a ";
        return article + type.getSimpleName() + " belongs to one test (its watcher stops when the test ends): declare "
                + "it"
                + " on a @Test, @BeforeEach or @AfterEach method, not on a constructor, @BeforeAll or @AfterAll";
    }

    private static String name(Executable executable) {
        return executable instanceof Constructor<?> ? "the constructor" : executable.getName();
    }
}
