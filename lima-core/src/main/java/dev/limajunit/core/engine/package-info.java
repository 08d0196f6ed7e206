/**
 * API: the engine SPI that turns a resolved spec into a running {@link dev.limajunit.core.engine.Instance}, and
 * how an engine is chosen for a host ({@code auto}, {@code limactl}, {@code qemu}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.engine;

import org.apiguardian.api.API;
