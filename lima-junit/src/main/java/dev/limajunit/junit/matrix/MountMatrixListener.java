package dev.limajunit.junit.matrix;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.MatrixFiles;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Observation;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import dev.limajunit.junit.MountTypeSource;
import dev.limajunit.junit.internal.BehaviourExtension;
import dev.limajunit.junit.internal.LimaKeys;
import dev.limajunit.junit.internal.LimaSettings;
import dev.limajunit.junit.internal.PinnedTest;
import dev.limajunit.junit.internal.PinnedTests;
import dev.limajunit.junit.internal.VmFields;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects one result per {@link Behaviour} test execution over a whole test run and, when the run ends, writes the
 * mount behaviour matrix to {@code target/lima-junit/mount-matrix.{json,md,html}} ({@code lima.reportDir} changes the
 * directory). Registered with the JUnit Platform through {@code META-INF/services}, so it is active wherever
 * lima-junit is on the test class path; a run without {@code @Behaviour} tests writes nothing.
 *
 * <p>Besides the tests that ran, it files as SKIPPED the mount types a {@link ForEachMountType} or
 * {@link MountTypeSource} left out because this host cannot run them, and as FAIL (or SKIPPED) the behaviours of a
 * class whose VM could not be booted — unless {@code lima.mountTypes} left the type out: that is a choice, not a
 * finding, and the run's metadata says it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MountMatrixListener implements TestExecutionListener {

    /** Configuration parameter (or {@code LIMA_REPORT_DIR}) for the report directory. */
    public static final String REPORT_DIR = LimaKeys.REPORT_DIR;
    static final String DEFAULT_REPORT_DIR = "target/lima-junit";

    private static final Logger LOG = LoggerFactory.getLogger(MountMatrixListener.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private TestPlan plan;
    private MountMatrix.Builder matrix;
    private String runId;
    private String selection;
    private Set<MountType> selected;
    private Path reportDir;
    private final Set<String> engines = new TreeSet<>();
    private final Set<String> guestKernels = new TreeSet<>();
    private final Set<String> virtiofsd = new TreeSet<>();
    /** Containers under which some test produced a result: their own failure (in an afterAll) is not the tests'. */
    private final Set<String> containersWithResults = new HashSet<>();
    private int results;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        matrix = MountMatrix.builder();
        results = 0;
        engines.clear();
        guestKernels.clear();
        virtiofsd.clear();
        containersWithResults.clear();
        selection = setting(LimaKeys.MOUNT_TYPES).orElse(null);
        selected = parseSelection(selection);
        reportDir = Path.of(setting(REPORT_DIR).orElse(DEFAULT_REPORT_DIR));
        runId = ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID) + (selection == null ? "" : "-" + selection);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (matrix == null) {
            return;
        }
        Optional<PinnedTest> pinned = PinnedTests.take(id.getUniqueId());
        if (pinned.isPresent()) {
            PinnedTest p = pinned.get();
            MatrixOutcomes.Classified c = MatrixOutcomes.of(result, p.mountType(), p.knownLimitation());
            add(p.behaviour(), p.mountType(), new Observation(c.outcome(), c.reason(), p.measurements(), name(id),
                    runId, p.provenance()));
            for (TestIdentifier a = plan.getParent(id).orElse(null); a != null; a = plan.getParent(a).orElse(null)) {
                containersWithResults.add(a.getUniqueId());
            }
            if (p.engine() != null) {
                engines.add(p.engine());
            }
            if (p.guestKernel() != null) {
                guestKernels.add(p.guestKernel());
            }
            if (p.virtiofsd() != null) {
                virtiofsd.add(p.virtiofsd());
            }
            return;
        }
        if (id.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                && !containersWithResults.contains(id.getUniqueId())) {
            // A class (or class template invocation) whose VM did not come up: its tests never ran.
            Outcome outcome = result.getStatus() == TestExecutionResult.Status.FAILED ? Outcome.FAIL : Outcome.SKIPPED;
            String reason = result.getThrowable().map(MatrixOutcomes::describe).orElse(null);
            mountTypeOf(id).ifPresent(type -> behaviourMethodsOf(id)
                    .forEach(m -> addUnrun(id, m, type, outcome, reason)));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (matrix == null) {
            return;
        }
        mountTypeOf(id).ifPresent(type -> behaviourMethodsOf(id)
                .forEach(m -> addUnrun(id, m, type, Outcome.SKIPPED, reason)));
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (matrix == null) {
            return;
        }
        // "9p: why" from MountTypeChoice: a type this host cannot run gets no invocation at all.
        entry.getKeyValuePairs().forEach((key, value) -> {
            if (!key.equals(LimaKeys.MOUNT_TYPE_SKIPPED)) {
                return;
            }
            int colon = value.indexOf(": ");
            if (colon < 0) {
                return;
            }
            parseType(value.substring(0, colon)).ifPresent(type -> behaviourMethodsOf(id)
                    .forEach(m -> addUnrun(id, m, type, Outcome.SKIPPED, value.substring(colon + 2))));
        });
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (matrix == null || results == 0) {
            matrix = null;
            return;
        }
        matrix.run(RunInfo.current(runId, junitVersion(), selection)
                .withEngines(List.copyOf(engines), List.copyOf(guestKernels)).withVirtiofsd(List.copyOf(virtiofsd)));
        try {
            List<Path> written = MatrixFiles.write(matrix.build(), reportDir);
            LOG.info("lima-junit: mount behaviour matrix ({} results) written to {}", results,
                    written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            // the run's own outcome stands; a report that cannot be written is worth a loud line, not a failure
            LOG.error("lima-junit: could not write the mount behaviour matrix to {}: {}", reportDir, e.toString());
        } finally {
            matrix = null;
        }
    }

    private void addUnrun(TestIdentifier id, Method method, MountType type, Outcome outcome, String reason) {
        if (!selected.isEmpty() && !selected.contains(type)) {
            return; // lima.mountTypes left it out on purpose
        }
        dev.limajunit.core.report.Behaviour behaviour;
        try {
            behaviour = BehaviourExtension.behaviour(method);
        } catch (LimaConfigurationException e) {
            return; // reported by the test itself when it runs
        }
        add(behaviour, type, new Observation(outcome, reason, List.of(),
                name(id) + (id.isContainer() ? " › " + method.getName() + "()" : ""), runId));
    }

    private void add(dev.limajunit.core.report.Behaviour behaviour, MountType type, Observation observation) {
        matrix.add(behaviour, type, observation);
        results++;
    }

    /** The {@link Behaviour} methods an identifier stands for: its own method, or every one of its class's. */
    private static List<Method> behaviourMethodsOf(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource ms) {
            Method method = javaMethod(ms);
            return method != null && AnnotationSupport.isAnnotated(method, Behaviour.class) ? List.of(method)
                    : List.of();
        }
        if (source.isPresent() && source.get() instanceof ClassSource cs) {
            try {
                return AnnotationSupport.findAnnotatedMethods(cs.getJavaClass(), Behaviour.class,
                        org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN);
            } catch (RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }

    private static Method javaMethod(MethodSource source) {
        try {
            return source.getJavaMethod();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The mount type a container or test that never ran would have run: a {@link ForEachMountType} invocation is
     * named {@code [9p]}; a plain {@link LimaInstance} class names its type in the annotation, a class with a
     * {@link LimaVm} field in the field's spec.
     */
    private Optional<MountType> mountTypeOf(TestIdentifier id) {
        for (TestIdentifier c = id; c != null; c = plan.getParent(c).orElse(null)) {
            String name = c.getDisplayName();
            if (name.startsWith("[") && name.endsWith("]")) {
                Optional<MountType> type = parseType(name.substring(1, name.length() - 1));
                if (type.isPresent()) {
                    return type;
                }
            }
            if (c.getSource().isPresent() && c.getSource().get() instanceof ClassSource cs) {
                try {
                    Optional<LimaInstance> declared = AnnotationSupport.findAnnotation(cs.getJavaClass(),
                            LimaInstance.class);
                    if (declared.isPresent() && declared.get().mountType().length == 1) {
                        return Optional.of(declared.get().mountType()[0]);
                    }
                    Optional<MountType> field = VmFields.declared(cs.getJavaClass())
                            .map(d -> d.request().spec().mountType());
                    if (field.isPresent()) {
                        return field;
                    }
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** "VisibilityTest › [9p] › hostWrite()": the display names from the class down. */
    private String name(TestIdentifier id) {
        List<String> names = new ArrayList<>();
        for (TestIdentifier c = id; c != null && c.getParentId().isPresent(); c = plan.getParent(c).orElse(null)) {
            names.add(0, c.getDisplayName());
        }
        return String.join(" › ", names);
    }

    private Optional<String> setting(String key) {
        return plan.getConfigurationParameters().get(key)
                .or(() -> Optional.ofNullable(System.getenv(LimaSettings.environmentName(key))))
                .map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Set<MountType> parseSelection(String selection) {
        if (selection == null) {
            return Set.of();
        }
        return Arrays.stream(selection.split(",")).map(String::strip).map(MountMatrixListener::parseType)
                .flatMap(Optional::stream).collect(Collectors.toSet());
    }

    private static Optional<MountType> parseType(String name) {
        try {
            return Optional.of(MountType.fromYaml(name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String junitVersion() {
        String version = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
        return version == null ? null : "Jupiter " + version;
    }
}
