package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaRequirementException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.TestAbortedException;

/**
 * What lima-junit decided for one class, class template container or class template invocation, computed once by
 * {@link ClassPlanner} and kept in that context's store: the execution condition answers from it, {@code beforeAll}
 * fails or boots from it, and the pool boots with the engine it chose.
 */
sealed interface ClassPlan {

    /**
     * The execution condition's answer.
     *
     * @throws LimaRequirementException when {@code lima.require} names what cannot run here
     */
    ConditionEvaluationResult condition();

    /**
     * What to boot for this context.
     *
     * @throws LimaConfigurationException when the declaration breaks a rule (nothing boots)
     * @throws TestAbortedException       when the class cannot run here
     */
    Runs toBoot();

    /** Uses its enclosing class's VM. */
    record NoOwnVm(String reason) implements ClassPlan {

        @Override
        public ConditionEvaluationResult condition() {
            return ConditionEvaluationResult.enabled(reason);
        }

        @Override
        public Runs toBoot() {
            throw new IllegalStateException("no VM of its own: it uses its enclosing class's (" + reason + ")");
        }
    }

    /**
     * The declaration breaks a rule: the condition lets the class run so that {@code beforeAll} fails it with every
     * problem, before anything boots; never hidden by a skip.
     */
    record Invalid(String reason, LimaConfigurationException problems) implements ClassPlan {

        @Override
        public ConditionEvaluationResult condition() {
            return ConditionEvaluationResult.enabled(reason);
        }

        @Override
        public Runs toBoot() {
            throw problems;
        }
    }

    /** Cannot run here; {@code required} turns the skip into a failure when {@code lima.require} names the cause. */
    record Skipped(String reason, Optional<LimaRequirementException> required) implements ClassPlan {

        @Override
        public ConditionEvaluationResult condition() {
            if (required.isPresent()) {
                throw required.get();
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        @Override
        public Runs toBoot() {
            throw new TestAbortedException(reason);
        }
    }

    /**
     * Boots (or reuses) a VM for {@code request} with {@code engine} (available); a class template container only
     * chooses the engine, each invocation boots its own mount type's VM.
     */
    record Runs(InstanceRequest request, EngineSelection engine, boolean container, String reason)
            implements ClassPlan {

        @Override
        public ConditionEvaluationResult condition() {
            return ConditionEvaluationResult.enabled(reason);
        }

        @Override
        public Runs toBoot() {
            return this;
        }
    }
}
