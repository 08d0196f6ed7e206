package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VirtiofsdTest {

    @ParameterizedTest(name = "{0} -> {1}")
    // CHECKSTYLE.OFF: LineLength (table rows)
    @CsvSource(delimiter = '|', textBlock = """
            virtiofsd 1.10.1                                                             | RUST
            virtiofsd v1.13.0                                                            | RUST
            virtiofsd version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\\nCopyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers | QEMU_C
            fuse: unknown option(s): `--version'                                       | QEMU_C
            ''                                                                           | QEMU_C
            """)
    // CHECKSTYLE.ON: LineLength
    void tellsTheRustOneFromQemusByItsVersionOutput(String output, Virtiofsd.Kind kind) {
        assertThat(Virtiofsd.kindOf(Path.of("/x/virtiofsd"), output.replace("\\n", "\n"))).isEqualTo(kind);
    }
}
