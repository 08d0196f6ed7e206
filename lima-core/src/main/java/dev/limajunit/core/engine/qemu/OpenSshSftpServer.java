package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lima's {@code openssh-sftp-server} driver: the host's {@code sftp-server -e -d LOCATION [-R]} (read-only adds
 * {@code -R}), its stdin/stdout cross-wired with the guest's {@code sshfs -o slave}.
 */
final class OpenSshSftpServer implements SftpServerFactory {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/lib/openssh/sftp-server"),
            Path.of("/usr/libexec/openssh/sftp-server"), Path.of("/usr/libexec/sftp-server"));

    private final Path binary;

    OpenSshSftpServer(Path binary) {
        this.binary = binary;
    }

    static Optional<OpenSshSftpServer> find() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().map(OpenSshSftpServer::new);
    }

    @Override
    public SftpServerEndpoint open(ResolvedMount mount, Path instanceDir) throws IOException {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "-e", "-d", mount.location().toString()));
        if (!mount.writable()) {
            argv.add("-R");
        }
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectError(instanceDir.resolve("sftp-server-" + mount.index() + ".log").toFile());
        ManagedProcess process = ProcessRegistry.global().start("sftp-server " + mount.describe(), builder);
        return new SftpServerEndpoint() {
            @Override
            public InputStream fromServer() {
                return process.process().getInputStream();
            }

            @Override
            public OutputStream toServer() {
                return process.process().getOutputStream();
            }

            @Override
            public void close() {
                process.close();
            }
        };
    }
}
