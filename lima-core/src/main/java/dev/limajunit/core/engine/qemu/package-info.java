/**
 * Internal: the {@code qemu} engine (boots a guest with QEMU directly and wires mounts the way Lima does).
 * Reached through {@link dev.limajunit.core.engine.EngineSelector}; public types here serve other lima-core packages.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.engine.qemu;

import org.apiguardian.api.API;
