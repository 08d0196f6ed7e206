package dev.limajunit.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a {@link ValidationIssue} points: instance-wide ({@code mountType}) or inside one mount
 * ({@code mounts[1].9p.msize}), as the names below it. The one reader of {@link ValidationIssue#field()}, so that
 * those who sort, rename or pick findings by their field work on parts instead of matching the string again.
 *
 * @param mount the mount's index, empty for an instance-wide field
 * @param names the names below the mount (or from the top), {@code ["9p", "msize"]}; empty for a whole mount
 */
public record FieldPath(OptionalInt mount, List<String> names) {

    private static final Pattern MOUNT = Pattern.compile("mounts\\[(\\d+)]");
    private static final Set<String> OPTION_BLOCKS = Set.of("9p", "sshfs", "virtiofs");

    public FieldPath {
        Objects.requireNonNull(mount, "mount");
        names = List.copyOf(names);
    }

    /** Reads a field as the rules write it: {@code mountType}, {@code mounts[0]}, {@code mounts[1].9p.msize}. */
    public static FieldPath parse(String field) {
        List<String> names = new ArrayList<>(List.of(field.split("\\.")));
        Matcher m = MOUNT.matcher(names.get(0));
        if (m.matches()) {
            names.remove(0);
            return new FieldPath(OptionalInt.of(Integer.parseInt(m.group(1))), names);
        }
        return new FieldPath(OptionalInt.empty(), names);
    }

    /**
     * The mount type whose options block this path names as a whole ({@code mounts[0].9p} gives {@code 9p}), as
     * Lima's "options of another mount type are ignored" finding does.
     */
    public Optional<String> optionsBlock() {
        return mount.isPresent() && names.size() == 1 && OPTION_BLOCKS.contains(names.get(0))
                ? Optional.of(names.get(0))
                : Optional.empty();
    }

    /**
     * The path written with each name but the last as {@code inner} renames it, for a declaration that spells a
     * block differently ({@code 9p} is {@code ninep} in an annotation).
     */
    public String render(UnaryOperator<String> inner) {
        StringBuilder out = new StringBuilder();
        mount.ifPresent(i -> out.append("mounts[").append(i).append(']'));
        for (int i = 0; i < names.size(); i++) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(i < names.size() - 1 ? inner.apply(names.get(i)) : names.get(i));
        }
        return out.toString();
    }

    /** The field as the rules write it. */
    @Override
    public String toString() {
        return render(UnaryOperator.identity());
    }
}
