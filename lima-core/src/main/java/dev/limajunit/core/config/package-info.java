/**
 * API: the instance spec model (what a test asks of its VM), Lima's defaults and rules, and validation that
 * names the field, the value and the rule. Usable from any test framework or a {@code main()}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.config;

import org.apiguardian.api.API;
