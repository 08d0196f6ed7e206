/*
 * fsprobe: the system calls the mount samples need that busybox has no applet for (flock, fcntl locks, mmap,
 * fsync of a directory, unix sockets, xattrs). Built statically on the host by FsProbe.java and copied into the
 * guest, so both sides run the very same code. Every outcome is one line on stdout: "ok ..." or "err NAME: text".
 * Exit status: 0 done, 1 the call failed (the line names errno), 2 bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

static int fail(const char *what) {
    int e = errno;
    printf("err %s: %s: %s\n", strerrorname_np(e) ? strerrorname_np(e) : "?", what, strerror(e));
    fflush(stdout);
    return 1;
}

static int say(const char *text) {
    printf("%s\n", text);
    fflush(stdout);
    return 0;
}

/* Waits until stdin closes (or says "release"): the caller decides how long a lock or mapping is held. */
static void hold(void) {
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL && strncmp(line, "release", 7) != 0) {
    }
}

static int lock(const char *path, int use_flock, int wait_on_stdin) {
    int fd = open(path, O_RDWR | O_CREAT, 0644);
    if (fd < 0) {
        return fail("open");
    }
    if (use_flock) {
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            return fail("flock");
        }
    } else {
        struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
        if (fcntl(fd, F_SETLK, &fl) != 0) {
            return fail("fcntl");
        }
    }
    say(wait_on_stdin ? "ok held" : "ok acquired");
    if (wait_on_stdin) {
        hold();
    }
    close(fd);
    return 0;
}

/* Writes TEXT at offset 0 through a shared writable mapping, then msync. */
static int mmap_write(const char *path, const char *text) {
    size_t len = strlen(text);
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        return fail("open");
    }
    char *map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        return fail("mmap");
    }
    memcpy(map, text, len);
    if (msync(map, len, MS_SYNC) != 0) {
        return fail("msync");
    }
    munmap(map, len);
    close(fd);
    return say("ok written");
}

/* Maps LEN bytes read-only and prints them on every stdin line: what an existing mapping shows now. */
static int mmap_watch(const char *path, long len) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return fail("open");
    }
    char *map = mmap(NULL, (size_t) len, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        return fail("mmap");
    }
    say("ok mapped");
    char line[256];
    while (fgets(line, sizeof line, stdin) != NULL && strncmp(line, "release", 7) != 0) {
        printf("ok %.*s\n", (int) strnlen(map, (size_t) len), map);
        fflush(stdout);
    }
    return 0;
}

/* Keeps PATH open and prints its content read through that descriptor on every stdin line. */
static int open_read(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return fail("open");
    }
    say("ok open");
    char line[256], buf[4096];
    while (fgets(line, sizeof line, stdin) != NULL && strncmp(line, "release", 7) != 0) {
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        if (n < 0) {
            return fail("pread");
        }
        buf[n] = 0;
        buf[strcspn(buf, "\n")] = 0;
        printf("ok %s\n", buf);
        fflush(stdout);
    }
    return 0;
}

static int write_fsync(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return fail("open");
    }
    if (write(fd, text, strlen(text)) != (ssize_t) strlen(text)) {
        return fail("write");
    }
    if (fsync(fd) != 0) {
        return fail("fsync");
    }
    return close(fd) == 0 ? say("ok synced") : fail("close");
}

static int fsync_dir(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        return fail("open");
    }
    return fsync(fd) == 0 ? say("ok synced") : fail("fsync");
}

/* Binds a unix socket at PATH, accepts one client, echoes its first line back in upper case. */
static int serve(const char *path) {
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s < 0 || bind(s, (struct sockaddr *) &addr, sizeof addr) != 0) {
        return fail("bind");
    }
    if (listen(s, 1) != 0) {
        return fail("listen");
    }
    say("ok listening");
    int c = accept(s, NULL, NULL);
    if (c < 0) {
        return fail("accept");
    }
    char buf[256];
    ssize_t n = read(c, buf, sizeof buf);
    for (ssize_t i = 0; i < n; i++) {
        buf[i] = (char) (buf[i] >= 'a' && buf[i] <= 'z' ? buf[i] - 32 : buf[i]);
    }
    if (n > 0) {
        write(c, buf, (size_t) n);
    }
    close(c);
    return 0;
}

static int connect_to(const char *path, const char *text) {
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s < 0 || connect(s, (struct sockaddr *) &addr, sizeof addr) != 0) {
        return fail("connect");
    }
    write(s, text, strlen(text));
    char buf[256];
    ssize_t n = read(s, buf, sizeof buf - 1);
    if (n < 0) {
        return fail("read");
    }
    buf[n] = 0;
    printf("ok %s\n", buf);
    return 0;
}

static int set_xattr(const char *path, const char *name, const char *value) {
    return setxattr(path, name, value, strlen(value), 0) == 0 ? say("ok set") : fail("setxattr");
}

static int get_xattr(const char *path, const char *name) {
    char buf[1024];
    ssize_t n = getxattr(path, name, buf, sizeof buf - 1);
    if (n < 0) {
        return fail("getxattr");
    }
    buf[n] = 0;
    printf("ok %s\n", buf);
    return 0;
}

int main(int argc, char **argv) {
    const char *op = argc > 1 ? argv[1] : "";
    if (argc == 3 && strcmp(op, "flock-hold") == 0) return lock(argv[2], 1, 1);
    if (argc == 3 && strcmp(op, "flock-try") == 0) return lock(argv[2], 1, 0);
    if (argc == 3 && strcmp(op, "fcntl-hold") == 0) return lock(argv[2], 0, 1);
    if (argc == 3 && strcmp(op, "fcntl-try") == 0) return lock(argv[2], 0, 0);
    if (argc == 4 && strcmp(op, "mmap-write") == 0) return mmap_write(argv[2], argv[3]);
    if (argc == 4 && strcmp(op, "mmap-watch") == 0) return mmap_watch(argv[2], atol(argv[3]));
    if (argc == 3 && strcmp(op, "open-read") == 0) return open_read(argv[2]);
    if (argc == 4 && strcmp(op, "write-fsync") == 0) return write_fsync(argv[2], argv[3]);
    if (argc == 3 && strcmp(op, "fsync-dir") == 0) return fsync_dir(argv[2]);
    if (argc == 3 && strcmp(op, "serve") == 0) return serve(argv[2]);
    if (argc == 4 && strcmp(op, "connect") == 0) return connect_to(argv[2], argv[3]);
    if (argc == 5 && strcmp(op, "setxattr") == 0) return set_xattr(argv[2], argv[3], argv[4]);
    if (argc == 4 && strcmp(op, "getxattr") == 0) return get_xattr(argv[2], argv[3]);
    fprintf(stderr, "usage: fsprobe flock-hold|flock-try|fcntl-hold|fcntl-try PATH | mmap-write PATH TEXT | "
            "mmap-watch PATH LEN | open-read PATH | write-fsync PATH TEXT | fsync-dir DIR | serve SOCKET | "
            "connect SOCKET TEXT | setxattr PATH NAME VALUE | getxattr PATH NAME\n");
    return 2;
}
