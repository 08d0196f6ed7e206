package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.report.Measurement;
import dev.limajunit.core.report.Measurements;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.matrix.MountMatrixListener;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension behind {@link Behaviour}: captures the latencies a test records through
 * {@link Measurements} and, once the test method has run, notes what it pinned (behaviour, mount type, known
 * limitation, engine, guest kernel) for {@link MountMatrixListener}, which adds the outcome.
 */
@API(status = API.Status.INTERNAL)
public final class BehaviourExtension implements BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(BehaviourExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(BehaviourExtension.class);
    private static final String CAPTURE = "capture";

    @Override
    public void beforeEach(ExtensionContext context) {
        behaviour(context.getRequiredTestMethod()); // a bad id fails the test here, before it runs
        context.getStore(NAMESPACE).put(CAPTURE, Measurements.capture());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Measurements.Capture capture = context.getStore(NAMESPACE).remove(CAPTURE, Measurements.Capture.class);
        List<Measurement> measured = List.of();
        if (capture != null) {
            measured = capture.drain();
            capture.close();
        }
        Method method = context.getRequiredTestMethod();
        Optional<MountType> type = CurrentMountType.of(context);
        if (type.isEmpty()) {
            LOG.warn("lima-junit: {} declares @Behaviour but ran against no VM: it is left out of the mount matrix",
                    context.getUniqueId());
            return;
        }
        Optional<Instance> instance = CurrentMountType.lease(context).map(ClassLease::instance);
        String knownLimitation = AnnotationSupport.findRepeatableAnnotations(method, KnownLimitation.class).stream()
                .filter(l -> List.of(l.mountTypes()).contains(type.get()))
                .map(KnownLimitation::reason)
                .findFirst().orElse(null);
        PinnedTests.put(new PinnedTest(context.getUniqueId(), behaviour(method), type.get(), measured,
                knownLimitation, instance.map(Instance::engineName).orElse(null),
                instance.flatMap(GuestKernels::of).orElse(null), instance.map(Instance::provenance).orElse(null),
                instance.flatMap(Instance::virtiofsd).map(v -> v.path() + " (" + v.version() + ")").orElse(null)));
    }

    /**
     * The method's behaviour as the matrix's row.
     *
     * @throws LimaConfigurationException naming the method, the attribute, the value and the rule
     */
    public static dev.limajunit.core.report.Behaviour behaviour(Method method) {
        Behaviour annotation = AnnotationSupport.findAnnotation(method, Behaviour.class).orElseThrow();
        try {
            return new dev.limajunit.core.report.Behaviour(annotation.id(), annotation.title());
        } catch (IllegalArgumentException e) {
            throw new LimaConfigurationException("@Behaviour(id) on " + method.getDeclaringClass().getSimpleName()
                    + "." + method.getName() + ": " + e.getMessage());
        }
    }
}
