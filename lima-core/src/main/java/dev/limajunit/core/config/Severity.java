package dev.limajunit.core.config;

/** How bad a validation finding is: errors stop before anything boots, warnings are reported and go on. */
public enum Severity {
    ERROR,
    WARNING
}
