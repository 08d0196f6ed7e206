package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestFileStat;
import dev.limajunit.core.shell.GuestFiles;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShellException;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guest files over one SFTP channel on the shell's session, opened on first use (it then holds one channel
 * slot). When the session dropped, the operation is tried once more on a reconnected session.
 */
final class SftpGuestFiles implements GuestFiles, AutoCloseable {

    private final ReconnectingSession session;
    private final ChannelSlots slots;
    private SftpClient client;
    private boolean holdsSlot;

    SftpGuestFiles(ReconnectingSession session, ChannelSlots slots) {
        this.session = session;
        this.slots = slots;
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(SftpClient sftp) throws IOException;
    }

    @Override
    public void upload(Path hostFile, GuestPath target) {
        call("upload " + hostFile + " to", target, sftp -> {
            try (InputStream in = Files.newInputStream(hostFile); OutputStream out = sftp.write(target.value())) {
                in.transferTo(out);
            }
            return null;
        });
    }

    @Override
    public void download(GuestPath source, Path hostFile) {
        call("download", source, sftp -> {
            try (InputStream in = sftp.read(source.value())) {
                Files.copy(in, hostFile, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        });
    }

    @Override
    public byte[] read(GuestPath path) {
        return call("read", path, sftp -> {
            try (InputStream in = sftp.read(path.value())) {
                return in.readAllBytes();
            }
        });
    }

    @Override
    public String readString(GuestPath path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    @Override
    public void write(GuestPath path, byte[] content) {
        call("write", path, sftp -> {
            try (OutputStream out = sftp.write(path.value())) {
                out.write(content);
            }
            return null;
        });
    }

    @Override
    public void writeString(GuestPath path, String content) {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> list(GuestPath directory) {
        return call("list", directory, sftp -> {
            List<String> names = new ArrayList<>();
            for (SftpClient.DirEntry entry : sftp.readDir(directory.value())) {
                String name = entry.getFilename();
                if (!name.equals(".") && !name.equals("..")) {
                    names.add(name);
                }
            }
            names.sort(null);
            return names;
        });
    }

    /** Like {@code lstat}: a symbolic link is described itself, not its target. */
    @Override
    public Optional<GuestFileStat> stat(GuestPath path) {
        return call("stat", path, sftp -> {
            SftpClient.Attributes a;
            try {
                a = sftp.lstat(path.value());
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    return Optional.empty();
                }
                throw e;
            }
            return Optional.of(new GuestFileStat(path, a.getSize(), a.getPermissions() & 07777, a.getUserId(),
                    a.getGroupId(), a.getModifyTime() == null ? null : a.getModifyTime().toInstant(),
                    a.isDirectory(), a.isSymbolicLink()));
        });
    }

    private <T> T call(String what, GuestPath path, Operation<T> operation) {
        SftpClient sftp = client();
        try {
            return operation.run(sftp);
        } catch (IOException e) {
            if (sftp.isOpen() && sftp.getSession().isOpen()) {
                throw failure(what, path, e);
            }
        }
        // The session dropped under us: one more try on a fresh one.
        try {
            return operation.run(client());
        } catch (IOException e) {
            throw failure(what, path, e);
        }
    }

    private GuestShellException failure(String what, GuestPath path, IOException e) {
        String reason = e instanceof SftpException s ? SftpConstants.getStatusName(s.getStatus()) + ": "
                + s.getMessage()
                : e.toString();
        return new GuestShellException("SFTP " + what + " " + path + " on " + session.describe() + " failed: "
                + reason, e);
    }

    private synchronized SftpClient client() {
        if (client != null && client.isOpen() && client.getSession().isOpen()) {
            return client;
        }
        if (!holdsSlot) {
            slots.acquireCommand();
            holdsSlot = true;
        }
        if (client != null) {
            closeQuietly(client);
        }
        ClientSession current = session.get();
        try {
            client = SftpClientFactory.instance().createSftpClient(current);
        } catch (IOException e) {
            if (current.isOpen()) {
                throw new GuestShellException("cannot start SFTP on " + session.describe()
                        + " (does the server have an sftp subsystem?): " + e, e);
            }
            try {
                client = SftpClientFactory.instance().createSftpClient(session.reconnect(current));
            } catch (IOException again) {
                throw new GuestShellException("cannot start SFTP on " + session.describe() + ": " + again, again);
            }
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
        if (holdsSlot) {
            slots.releaseCommand();
            holdsSlot = false;
        }
    }

    private static void closeQuietly(SftpClient sftp) {
        try {
            sftp.close();
        } catch (IOException e) {
            // closing a channel on a dead session: nothing left to release
        }
    }
}
