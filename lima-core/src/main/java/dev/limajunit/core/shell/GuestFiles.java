package dev.limajunit.core.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** File operations in the guest over SFTP. Paths are guest paths, never host paths. */
public interface GuestFiles {

    void upload(Path hostFile, GuestPath target);

    void download(GuestPath source, Path hostFile);

    byte[] read(GuestPath path);

    String readString(GuestPath path);

    void write(GuestPath path, byte[] content);

    void writeString(GuestPath path, String content);

    /** Names in a directory, without "." and "..", sorted. */
    List<String> list(GuestPath directory);

    /** @return empty when the path does not exist */
    Optional<GuestFileStat> stat(GuestPath path);
}
