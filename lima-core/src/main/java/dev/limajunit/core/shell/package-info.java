/**
 * API: the guest shell a test runs commands with, and what a command returns.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.shell;

import org.apiguardian.api.API;
