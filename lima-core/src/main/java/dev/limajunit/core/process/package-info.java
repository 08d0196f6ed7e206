/**
 * Internal: host processes lima-junit starts (marking, crash-safe cleanup, orphan watchdog).
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.process;

import org.apiguardian.api.API;
