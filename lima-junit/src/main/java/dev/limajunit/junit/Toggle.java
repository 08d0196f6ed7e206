package dev.limajunit.junit;

import org.apiguardian.api.API;

/** A yes/no option that can also be left unset, so that Lima's builtin default applies. */
@API(status = API.Status.STABLE, since = "0.1")
public enum Toggle {
    UNSET,
    ON,
    OFF
}
