/**
 * Internal: the machinery behind lima-junit's annotations and {@code LimaVm} field (one plan per class, the instance
 * pool, parameter resolution, diagnostics). Public only where the API package or the matrix report needs a type;
 * may change in any release, do not use it from tests.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.junit.internal;

import org.apiguardian.api.API;
