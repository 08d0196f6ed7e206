package dev.limajunit.junit.internal;

import dev.limajunit.core.config.ValidationIssue;
import org.apiguardian.api.API;

/**
 * The route a VM was declared by, which words its own messages: a broken rule is named by the attribute as the
 * user wrote it there ({@code @LimaInstance(mounts[0].ninep.msize)}, {@code LimaVm(mounts[0].9p.msize)}).
 */
@API(status = API.Status.INTERNAL)
public sealed interface Declaration {

    /** Where it was declared, for messages ({@code @LimaInstance on com.example.FooTest}). */
    String origin();

    /** A broken rule, named by the attribute as this route declares it. */
    String attribute(ValidationIssue issue);

    /** A broken rule lima-junit itself checks, named by the attribute and its value as this route declares them. */
    String attribute(String attribute, Object value, String rule);

    /** The same route, declared at {@code origin}. */
    Declaration at(String origin);

    /** {@code @LimaInstance} on a class or method (or the defaults standing in for it). */
    record Annotation(String origin) implements Declaration {

        @Override
        public String attribute(ValidationIssue issue) {
            return AttributeMessages.annotation(issue);
        }

        @Override
        public String attribute(String attribute, Object value, String rule) {
            return AttributeMessages.annotation(attribute, value, rule);
        }

        @Override
        public Declaration at(String value) {
            return new Annotation(value);
        }
    }

    /** A {@code LimaVm} built in code. */
    record Built(String origin) implements Declaration {

        @Override
        public String attribute(ValidationIssue issue) {
            return AttributeMessages.limaVm(issue);
        }

        @Override
        public String attribute(String attribute, Object value, String rule) {
            return AttributeMessages.limaVm(attribute, value, rule);
        }

        @Override
        public Declaration at(String value) {
            return new Built(value);
        }
    }

    /** A {@code LimaVm} read from a lima.yaml ({@code LimaVm.fromLimaYaml}), perhaps refined in code. */
    record Yaml(String origin) implements Declaration {

        @Override
        public String attribute(ValidationIssue issue) {
            return AttributeMessages.limaVm(issue);
        }

        @Override
        public String attribute(String attribute, Object value, String rule) {
            return AttributeMessages.limaVm(attribute, value, rule);
        }

        @Override
        public Declaration at(String value) {
            return new Yaml(value);
        }
    }
}
