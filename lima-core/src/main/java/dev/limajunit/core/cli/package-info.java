/**
 * Internal: the {@code lima-junit} command line (validate, doctor, run, matrix). Its contract is the command line
 * and its exit codes (docs/cli.md), not these classes.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.cli;

import org.apiguardian.api.API;
