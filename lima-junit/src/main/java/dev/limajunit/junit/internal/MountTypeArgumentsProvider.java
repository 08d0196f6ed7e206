package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.MountTypeSource;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The arguments of {@link MountTypeSource}: one {@link MountType} per runnable type. The order is kept in the
 * method's store so that {@link MountTypeInvocationResolver} knows which type invocation N runs.
 */
@API(status = API.Status.INTERNAL)
public final class MountTypeArgumentsProvider implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        MountTypeSource source = AnnotationSupport.findAnnotation(method, MountTypeSource.class).orElseThrow();
        InstanceRequest request = InstanceRequests.forMethod(method);
        EngineSelection engine = LimaRun.of(context).select(request);
        List<MountType> types = MountTypeChoice.runnable(context, request, engine, source.value());
        MountTypeInvocations.record(context, new MountTypeInvocations.Decided(request, engine, types));
        // An argument set names the invocation "[1] 9p" rather than "[1] type = 9p".
        return types.stream().map(type -> Arguments.argumentSet(type.yamlName(), type));
    }
}
