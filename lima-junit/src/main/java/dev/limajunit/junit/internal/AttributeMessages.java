package dev.limajunit.junit.internal;

import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.junit.LimaConfigurationException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One wording for a broken rule, whichever route declared the VM: by the attribute as the user wrote it
 * ({@code @LimaInstance(mounts[0].ninep.msize): ...}, {@code LimaVm(mounts[0].9p.msize): ...}), under a header that
 * names the declaration.
 */
@API(status = API.Status.INTERNAL)
public final class AttributeMessages {

    /** How messages name a LimaVm and its attributes. */
    public static final String LIMA_VM = "LimaVm";

    /** The rule for a duration that must be above zero (a start or ready timeout). */
    public static final String MUST_BE_POSITIVE = "must be positive";

    private AttributeMessages() {
    }

    /**
     * One line per bad attribute under a header that names the declaration:
     * {@code invalid @LimaInstance on com.example.FooTest (1 error), nothing was booted:}.
     */
    public static LimaConfigurationException invalid(String declaration, List<String> errors) {
        return invalid(declaration, errors, null);
    }

    public static LimaConfigurationException invalid(String declaration, List<String> errors, Throwable cause) {
        StringBuilder message = new StringBuilder("invalid ").append(declaration).append(" (").append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors").append("), nothing was booted:");
        for (String error : errors) {
            message.append("\n  - ").append(error);
        }
        return new LimaConfigurationException(message.toString(), cause);
    }

    /** Names a finding by the annotation attribute: {@code mounts[0].9p.msize} -> {@code mounts[0].ninep.msize}. */
    public static String annotation(ValidationIssue issue) {
        String attribute = issue.path().render(name -> name.equals("9p") ? "ninep" : name);
        return "@LimaInstance(" + attribute + "): " + issue.message();
    }

    /** {@code LimaVm(mounts[0].9p.msize): mounts[0] (/src): 9p.msize "2KiB" is below the 4KiB minimum}. */
    public static String limaVm(ValidationIssue issue) {
        return LIMA_VM + "(" + issue.field() + "): " + issue.message();
    }

    /**
     * An attribute lima-junit itself checks, as written in the annotation: {@code @LimaInstance(startTimeout = "0s"):
     * must be positive}; a string value is quoted as in the source, a number is not.
     */
    public static String annotation(String attribute, Object value, String rule) {
        String written = value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
        return "@LimaInstance(" + attribute + " = " + written + "): " + rule;
    }

    /** An attribute lima-junit itself checks, as given to the builder: {@code LimaVm(startTimeout = PT0S): ...}. */
    public static String limaVm(String attribute, Object value, String rule) {
        return LIMA_VM + "(" + attribute + " = " + value + "): " + rule;
    }

    /**
     * Options declared for another mount type than the one the builder names: Lima only warns and ignores them, a
     * builder that names the type makes it an error. {@code block} is the options' block ({@code 9p}, {@code sshfs}).
     */
    public static String optionsOfAnotherType(String finding, String block) {
        return finding + "; declare " + block + " options only on a " + block.replace("sshfs", "reverse-sshfs")
                + " VM";
    }
}
