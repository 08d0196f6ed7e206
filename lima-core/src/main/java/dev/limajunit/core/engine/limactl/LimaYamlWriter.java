package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.ResolvedInstance;

/** Turns a resolved spec laid over a base into the text of the {@code lima.yaml} handed to {@code limactl create}. */
@FunctionalInterface
public interface LimaYamlWriter {

    /**
     * @throws IllegalArgumentException naming the base and the problem when the base cannot be read
     */
    String write(ResolvedInstance spec, LimaBase base);
}
