package dev.limajunit.junit;

import dev.limajunit.junit.internal.KnownLimitationExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/** Holds several {@link KnownLimitation}s on one test (one per reason). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(KnownLimitationExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface KnownLimitations {

    KnownLimitation[] value();
}
