package dev.limajunit.core.cli;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.config.ValidationReport;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.yaml.LimaDocument;
import dev.limajunit.core.yaml.LimaYaml;
import dev.limajunit.core.yaml.LimaYamlException;
import dev.limajunit.core.yaml.SpecReading;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code lima-junit validate FILE...}: loads each lima.yaml, prints every error and warning against this host, and
 * what the file resolves to when it is valid. Exits 1 if any file has an error. {@code base:} templates are not
 * merged in: each file is checked as written.
 */
public final class ValidateCommand implements Subcommand {

    private final Supplier<HostFacts> facts;

    public ValidateCommand() {
        // Validation needs no accelerator, so skip the probe boot and stay fast.
        this(() -> new HostProbe().withoutAccelerators().probe());
    }

    public ValidateCommand(Supplier<HostFacts> facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String arguments() {
        return "FILE...";
    }

    @Override
    public String summary() {
        return "check lima.yaml files: every error and warning; exit 1 on any error";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("lima-junit validate: name at least one lima.yaml file");
            return Main.USAGE;
        }
        SpecResolver resolver = new SpecResolver(facts.get());
        int failed = 0;
        int warnings = 0;
        for (String arg : args) {
            ValidationReport report;
            try {
                report = check(resolver, LimaYaml.read(Path.of(arg)), arg, out);
            } catch (LimaYamlException e) {
                out.println(arg + ": error: " + e.getMessage());
                failed++;
                continue;
            }
            warnings += report.warnings().size();
            if (report.hasErrors()) {
                failed++;
            }
        }
        out.println(args.size() + (args.size() == 1 ? " file" : " files") + " checked: "
                + (failed == 0 ? "all valid" : failed + " with errors") + ", " + warnings
                + (warnings == 1 ? " warning" : " warnings"));
        return failed == 0 ? 0 : 1;
    }

    private static ValidationReport check(SpecResolver resolver, LimaDocument doc, String name, PrintStream out) {
        SpecReading reading = doc.readSpec();
        ValidationReport report = ValidationReport.of(reading.issues(),
                doc.isMapping() ? resolver.validate(reading.spec()).issues() : List.of());
        for (ValidationIssue issue : report.issues()) {
            out.println(name + ": " + issue);
        }
        if (!report.hasErrors() && doc.isMapping()) {
            out.println(name + ": ok: " + summary(resolver.resolve(reading.spec()), reading));
        }
        return report;
    }

    private static String summary(ResolvedInstance resolved, SpecReading reading) {
        String mounts = resolved.mounts().isEmpty() ? "no mounts" : resolved.mounts().stream()
                .map(ValidateCommand::describe).collect(Collectors.joining(", "));
        return "vmType " + resolved.vmType() + (reading.spec().vmType() == null ? " (default)" : "")
                + ", mountType " + resolved.mountType() + (reading.spec().mountType() == null ? " (default)" : "")
                + ", mountInotify " + resolved.mountInotify() + ", " + mounts;
    }

    private static String describe(ResolvedMount mount) {
        return mount.location() + " -> " + mount.mountPoint() + (mount.writable() ? " (writable)" : " (read-only)");
    }
}
