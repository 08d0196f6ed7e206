/**
 * Internal: the {@code limactl} engine (drives a real Lima install). Reached through
 * {@link dev.limajunit.core.engine.EngineSelector}; public types here are public for the engine package only.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.engine.limactl;

import org.apiguardian.api.API;
