/**
 * lima-junit's public API: the annotations ({@link dev.limajunit.junit.LimaInstance}, {@link
 * dev.limajunit.junit.ForEachMountType}, {@link dev.limajunit.junit.MountTypeSource}, ...), the
 * {@link dev.limajunit.junit.LimaVm} field and the exceptions a test can meet. Each type says how stable it is with
 * {@link org.apiguardian.api.API}. The subpackages are not API: {@code internal} is the machinery behind the
 * annotations, {@code matrix} the mount matrix report (registered through the JUnit Platform's service loader).
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.limajunit.junit;

import org.apiguardian.api.API;
