/**
 * The mount behaviour matrix report: a JUnit Platform {@code TestExecutionListener}, registered through the
 * service loader, that writes what every {@code @Behaviour} test pinned per mount type (docs/report.md). Users
 * configure it ({@code lima.reportDir}); they do not call it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.junit.matrix;

import org.apiguardian.api.API;
