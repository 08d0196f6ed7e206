/**
 * API: the mount behaviour matrix model (behaviours, outcomes, measurements) and its JSON, Markdown and HTML
 * renderings.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.report;

import org.apiguardian.api.API;
