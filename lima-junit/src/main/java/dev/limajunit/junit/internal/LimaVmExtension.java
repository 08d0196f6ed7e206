package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.Instance;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * What makes a {@code @RegisterExtension} {@link dev.limajunit.junit.LimaVm} field work: {@link LimaExtension}'s and
 * {@link FailureDiagnostics}' work for the class whose field holds it, unless a {@code @LimaInstance} or
 * {@code @ForEachMountType} registered them already; and which VM the field's accessors reach now. JUnit registers a
 * field's extension by the interfaces its value implements, so the handle inherits them from here.
 */
@API(status = API.Status.INTERNAL)
public abstract class LimaVmExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private final InstanceRequest request;
    private final LimaExtension extension = new LimaExtension();
    private final FailureDiagnostics diagnostics = new FailureDiagnostics();
    private volatile Instance current;

    protected LimaVmExtension(InstanceRequest request) {
        this.request = request;
    }

    /** The request of the class whose field {@code where} ({@code com.example.FooIT.vm}) holds this VM. */
    protected final InstanceRequest request(String where) {
        return request.withOrigin(request.origin() + " in " + where);
    }

    /** The running VM of the class that runs now, else {@code null}. */
    protected final Instance running() {
        return current;
    }

    @Override
    public String toString() {
        return request.origin() + " " + request.spec();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return VmFields.annotationRegistered(context)
                ? ConditionEvaluationResult.enabled("decided by the @LimaInstance extension")
                : extension.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!VmFields.annotationRegistered(context)) {
            extension.beforeAll(context);
        }
        if (VmFields.holds(context.getRequiredTestClass(), this)) {
            Leases.own(context).ifPresent(lease -> current = lease.instance());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // A non-static field is registered only once the test instance exists: too late to boot for the class.
        VmFields.requireStatic(context, this);
        // Under @ForEachMountType JUnit calls BeforeAll once for the whole template, not per invocation: an
        // invocation's VM is leased on first use, here at the latest, so that the accessors work in every test.
        holder(context).ifPresent(c -> current = Leases.own(c).orElseGet(() -> LimaExtension.leaseFor(c)).instance());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (VmFields.holds(context.getRequiredTestClass(), this)) {
            // A template container has no lease of its own: its invocations' VMs are done with too.
            Optional<Instance> own = Leases.own(context).map(ClassLease::instance);
            if (own.isEmpty() || own.get() == current) {
                current = null;
            }
        }
    }

    /** The nearest class (or class template invocation) context whose class's field holds this VM. */
    private Optional<ExtensionContext> holder(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestMethod().isEmpty() && c.getTestClass().map(type -> VmFields.holds(type, this)).orElse(false)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return !VmFields.annotationRegistered(context) && extension.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        VmFields.requireStatic(context, this);
        return extension.resolveParameter(parameter, context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        diagnose(context, throwable, diagnostics::handleTestExecutionException);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        diagnose(context, throwable, diagnostics::handleBeforeAllMethodExecutionException);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        diagnose(context, throwable, diagnostics::handleBeforeEachMethodExecutionException);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        diagnose(context, throwable, diagnostics::handleAfterEachMethodExecutionException);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        diagnose(context, throwable, diagnostics::handleAfterAllMethodExecutionException);
    }

    /** Where an annotation registered {@link FailureDiagnostics} too, that one reports the failure: once is enough. */
    private static void diagnose(ExtensionContext context, Throwable throwable, FailureHandler handler)
            throws Throwable {
        if (VmFields.annotationRegistered(context)) {
            throw throwable;
        }
        handler.handle(context, throwable);
    }

    /** One of {@link FailureDiagnostics}' exception handlers. */
    @FunctionalInterface
    private interface FailureHandler {
        void handle(ExtensionContext context, Throwable throwable) throws Throwable;
    }
}
