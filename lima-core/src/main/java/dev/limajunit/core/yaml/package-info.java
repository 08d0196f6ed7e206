/**
 * API: reading and writing Lima's {@code lima.yaml}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.yaml;

import org.apiguardian.api.API;
