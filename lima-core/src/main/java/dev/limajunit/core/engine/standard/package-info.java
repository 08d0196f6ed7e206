/**
 * API: the engines lima-core ships, wired together ({@link dev.limajunit.core.engine.standard.StandardEngines}).
 * Apart from the engine SPI so that the SPI knows none of its implementations.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.engine.standard;

import org.apiguardian.api.API;
