package dev.limajunit.junit;

/** A yes/no option that can also be left unset, so that Lima's builtin default applies. */
public enum Toggle {
    UNSET,
    ON,
    OFF;

    /** {@code null} for {@link #UNSET}, as the core spec model writes "not set". */
    Boolean value() {
        return switch (this) {
            case UNSET -> null;
            case ON -> Boolean.TRUE;
            case OFF -> Boolean.FALSE;
        };
    }
}
