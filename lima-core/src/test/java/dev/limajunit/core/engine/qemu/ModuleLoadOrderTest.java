package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleLoadOrderTest {

    private final Map<String, ModuleInfo> debian = Map.of(
            "virtio_ring", new ModuleInfo("virtio_ring", List.of()),
            "virtio", new ModuleInfo("virtio", List.of()),
            "virtio_pci", new ModuleInfo("virtio_pci", List.of("virtio_pci_modern_dev", "virtio_pci_legacy_dev",
                    "virtio_ring", "virtio")),
            "virtio_pci_modern_dev", new ModuleInfo("virtio_pci_modern_dev", List.of()),
            "virtio_pci_legacy_dev", new ModuleInfo("virtio_pci_legacy_dev", List.of()),
            "9pnet", new ModuleInfo("9pnet", List.of()),
            "9pnet_virtio", new ModuleInfo("9pnet_virtio", List.of("9pnet", "virtio_ring", "virtio")),
            "netfs", new ModuleInfo("netfs", List.of()),
            "fscache", new ModuleInfo("fscache", List.of("netfs")),
            "9p", new ModuleInfo("9p", List.of("9pnet", "netfs", "fscache")));

    @Test
    void dependenciesComeFirstAndEachModuleOnce() {
        List<String> order = ModuleLoadOrder.resolve(List.of("virtio_pci", "9pnet_virtio", "9p"), debian, Set.of());

        assertThat(order).containsExactly("virtio_pci_modern_dev", "virtio_pci_legacy_dev", "virtio_ring", "virtio",
                "virtio_pci", "9pnet", "9pnet_virtio", "netfs", "fscache", "9p");
    }

    @Test
    void builtInModulesAreNotLoaded() {
        List<String> order = ModuleLoadOrder.resolve(List.of("9p"), debian, Set.of("netfs", "fscache"));

        assertThat(order).containsExactly("9pnet", "9p");
    }

    @Test
    void aMissingModuleIsNamedWithWhatNeedsIt() {
        Map<String, ModuleInfo> modules = Map.of("9p", new ModuleInfo("9p", List.of("9pnet")));

        assertThatThrownBy(() -> ModuleLoadOrder.resolve(List.of("9p"), modules, Set.of()))
                .hasMessageContaining(
                        "kernel module 9pnet (needed by 9p) is neither a loadable module nor built into the kernel");
    }

    @Test
    void aCycleIsReported() {
        Map<String, ModuleInfo> modules = Map.of("a", new ModuleInfo("a", List.of("b")), "b", new ModuleInfo("b",
                List.of("a")));

        assertThatThrownBy(() -> ModuleLoadOrder.resolve(List.of("a"), modules, Set.of()))
                .hasMessageContaining("cycle");
    }
}
