package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.limajunit.assertions.probe.FsProbe;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durability: what a guest {@code fsync} promises the host, directory fsync (jingkaihe/matchlock#102: ENOSYS panics
 * Postgres) and a SQLite database written in the guest (lima-vm/lima#607: Postgres on sshfs). The host reads right
 * after the guest's call returns, without waiting: fsync is the promise. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class DurabilityIT {

    @BeforeEach
    void aDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("durable"));
    }

    @Test
    @Behaviour(id = "guest-fsync-host-reads", title = "after a guest write + fsync returns, the host reads it")
    void afterAGuestFsyncTheHostReadsTheWrite(MountedDirectory dir) throws Exception {
        assertThat(FsProbe.guest(dir.shell(), "write-fsync", dir.guest("durable/wal.log").value(), "commit 42"))
                .as("write + fsync in the guest").isEqualTo("ok synced");
        assertThat(Files.readString(dir.host("durable/wal.log"))).as("host content right after the guest's fsync")
                .isEqualTo("commit 42");
    }

    @Test
    @Behaviour(id = "guest-directory-fsync", title = "fsync on a directory succeeds in the guest; the host lists "
            + "the new name")
    void fsyncOnADirectorySucceedsInTheGuest(MountedDirectory dir) {
        dir.shell().execChecked("touch", dir.guest("durable/new-name").value());
        assertThat(FsProbe.guest(dir.shell(), "fsync-dir", dir.guest("durable").value()))
                .as("fsync of the directory in the guest").isEqualTo("ok synced");
        assertThat(Files.exists(dir.host("durable/new-name"))).as("the new name on the host").isTrue();
    }

    @Test
    @Behaviour(id = "guest-sqlite-integrity", title = "a SQLite database written in the guest passes "
            + "integrity_check on both sides")
    void aSqliteDatabaseWrittenInTheGuestPassesIntegrityCheck(MountedDirectory dir) throws Exception {
        assumeTrue(Files.isExecutable(GuestSqlite.HOST_SQLITE), "the host has no " + GuestSqlite.HOST_SQLITE);
        String db = dir.guest("durable/app.db").value();
        // 2000 rows in 20 transactions: the journal is created, written, synced and deleted 20 times.
        StringBuilder sql = new StringBuilder("PRAGMA journal_mode=DELETE; CREATE TABLE t(id INTEGER PRIMARY KEY, v);");
        for (int tx = 0; tx < 20; tx++) {
            sql.append("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<100) ")
                    .append("INSERT INTO t(v) SELECT hex(randomblob(64)) FROM n; COMMIT;");
        }
        sql.append("PRAGMA integrity_check; SELECT count(*) FROM t;");
        ExecResult guest = dir.shell().execChecked(Command.shell(GuestSqlite.command(dir.shell()) + " \"$DB\" \"$SQL\"")
                .env("DB", db).env("SQL", sql.toString()).timeout(Duration.ofMinutes(3)));
        assertThat(guest.stdoutText().strip().split("\n")).as("sqlite3 in the guest").endsWith("ok", "2000");
        Process host = new ProcessBuilder(GuestSqlite.HOST_SQLITE.toString(), dir.host("durable/app.db").toString(),
                "PRAGMA integrity_check; SELECT count(*) FROM t;").redirectErrorStream(true).start();
        String hostOut = new String(host.getInputStream().readAllBytes()).strip();
        host.waitFor();
        assertThat(List.of(hostOut.split("\n"))).as("sqlite3 on the host, reading the guest's database")
                .containsExactly("ok", "2000");
    }
}
