package dev.limajunit.core.engine.qemu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Orders kernel modules so that each comes after every module its {@code depends=} names. */
final class ModuleLoadOrder {

    private ModuleLoadOrder() {
    }

    /**
     * The modules to load for {@code wanted}, dependencies first; built-in modules are left out.
     *
     * @param wanted  the modules the guest needs, in a preferred order
     * @param modules every loadable module by name
     * @param builtin names of modules compiled into the kernel
     * @throws IllegalStateException naming the module when one is neither loadable nor built in, or on a cycle
     */
    static List<String> resolve(List<String> wanted, Function<String, ModuleInfo> modules, Set<String> builtin) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : wanted) {
            visit(name, modules, builtin, ordered, new ArrayList<>());
        }
        return List.copyOf(ordered);
    }

    /** Convenience for a map of modules. */
    static List<String> resolve(List<String> wanted, Map<String, ModuleInfo> modules, Set<String> builtin) {
        return resolve(wanted, modules::get, builtin);
    }

    private static void visit(String name, Function<String, ModuleInfo> modules, Set<String> builtin,
                              Set<String> ordered, List<String> path) {
        if (ordered.contains(name) || builtin.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            throw new IllegalStateException("kernel modules depend on each other in a cycle: " + path + " -> " + name);
        }
        ModuleInfo info = modules.apply(name);
        if (info == null) {
            throw new IllegalStateException("kernel module " + name + (path.isEmpty() ? "" : " (needed by "
                    + path.get(path.size() - 1) + ")")
                    + " is neither a loadable module nor built into the kernel");
        }
        path.add(name);
        for (String dependency : info.depends()) {
            visit(dependency, modules, builtin, ordered, path);
        }
        path.remove(path.size() - 1);
        ordered.add(name);
    }
}
