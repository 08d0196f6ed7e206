/**
 * API: a mounted directory as a test sees it, on the host and in the guest.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.mount;

import org.apiguardian.api.API;
