/**
 * API: what this host can run (operating system, accelerator, QEMU, virtiofsd, Lima version), probed once.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.host;

import org.apiguardian.api.API;
