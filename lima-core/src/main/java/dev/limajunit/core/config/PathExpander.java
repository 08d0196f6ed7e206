package dev.limajunit.core.config;

import dev.limajunit.core.host.HostFacts;

/**
 * Expands what Lima expands in mount paths: a leading {@code ~} (host home) and the template variables
 * {@code {{.Home}}}, {@code {{.GlobalTempDir}}} ({@code /tmp} on Unix), {@code {{.UID}}} and {@code {{.User}}}.
 */
final class PathExpander {

    private final HostFacts facts;

    public PathExpander(HostFacts facts) {
        this.facts = facts;
    }

    /** A host location: {@code ~} and the template variables expanded. */
    public String expandLocation(String location) {
        String expanded = expandTemplates(location);
        String home = facts.home().toString();
        if (expanded.equals("~")) {
            return home;
        }
        if (expanded.startsWith("~/")) {
            return home + expanded.substring(1);
        }
        return expanded;
    }

    /** A guest path: only the template variables (a {@code ~} there is an error, not expanded). */
    public String expandTemplates(String path) {
        return path.replace("{{.Home}}", facts.home().toString())
                .replace("{{.GlobalTempDir}}", "/tmp")
                .replace("{{.UID}}", String.valueOf(facts.effectiveUid()))
                .replace("{{.User}}", System.getProperty("user.name", ""));
    }
}
