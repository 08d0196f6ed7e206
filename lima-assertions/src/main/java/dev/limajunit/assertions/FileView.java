package dev.limajunit.assertions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What one side of a mount (host or guest) sees at a path at one moment: whether the parent directory lists it,
 * whether it is a symlink, and what it resolves to (type, size, mode, owner, mtime, content of a regular file).
 *
 * @param listed       the parent directory's listing holds the name
 * @param linkTarget   the symlink's target as stored, or null when the path is no symlink
 * @param type         what the path resolves to, {@link Type#ABSENT} when nothing (or a dangling link)
 * @param content      the bytes of a readable regular file, else null
 */
public record FileView(boolean listed, String linkTarget, Type type, long size, int mode, int uid, int gid,
        long mtimeSeconds, byte[] content) {

    /** What a path resolves to. */
    public enum Type { ABSENT, FILE, DIRECTORY, OTHER }

    /** The attributes two views can be compared on. */
    public enum Attribute { LISTED, LINK, TYPE, SIZE, MODE, MTIME, CONTENT }

    public static FileView absent(boolean listed, String linkTarget) {
        return new FileView(listed, linkTarget, Type.ABSENT, 0, 0, 0, 0, 0, null);
    }

    public boolean exists() {
        return type != Type.ABSENT;
    }

    public boolean isSymlink() {
        return linkTarget != null;
    }

    public String contentText() {
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    /**
     * How this view differs from {@code expected} on the compared attributes, one phrase each, e.g.
     * {@code content: expected "ab" but was "a"}. Size, mode and mtime are compared only when both sides exist;
     * size and content only for regular files.
     */
    public List<String> differencesFrom(FileView expected, Set<Attribute> compared) {
        List<String> out = new ArrayList<>();
        if (compared.contains(Attribute.LISTED) && listed != expected.listed) {
            out.add(expected.listed ? "not listed in its directory" : "still listed in its directory");
        }
        if (compared.contains(Attribute.LINK) && !Objects.equals(linkTarget, expected.linkTarget)) {
            out.add("link: expected " + link(expected.linkTarget) + " but was " + link(linkTarget));
        }
        if (compared.contains(Attribute.TYPE) && type != expected.type) {
            out.add("type: expected " + name(expected.type) + " but was " + name(type));
            return out;
        }
        if (!exists()) {
            return out;
        }
        boolean files = type == Type.FILE;
        if (files && compared.contains(Attribute.SIZE) && size != expected.size) {
            out.add("size: expected " + expected.size + " but was " + size);
        }
        if (compared.contains(Attribute.MODE) && mode != expected.mode) {
            out.add("mode: expected " + octal(expected.mode) + " but was " + octal(mode));
        }
        if (compared.contains(Attribute.MTIME) && mtimeSeconds != expected.mtimeSeconds) {
            out.add("mtime: expected " + Instant.ofEpochSecond(expected.mtimeSeconds) + " but was "
                    + Instant.ofEpochSecond(mtimeSeconds));
        }
        if (files && compared.contains(Attribute.CONTENT) && !Arrays.equals(content, expected.content)) {
            out.add("content: expected " + quote(expected.content) + " but was " + quote(content));
        }
        return out;
    }

    /** One line for messages: {@code file, 3 bytes, mode 644, uid 0, gid 0, mtime ..., listed, content "abc"}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (linkTarget != null) {
            out.append("symlink to \"").append(linkTarget).append("\" resolving to ");
        }
        out.append(name(type));
        if (exists()) {
            if (type == Type.FILE) {
                out.append(", ").append(size).append(" bytes");
            }
            out.append(", mode ").append(octal(mode)).append(", uid ").append(uid).append(", gid ").append(gid)
                    .append(", mtime ").append(Instant.ofEpochSecond(mtimeSeconds));
        }
        out.append(listed ? ", listed" : ", not listed");
        if (content != null) {
            out.append(", content ").append(quote(content));
        }
        return out.toString();
    }

    private static String name(Type type) {
        return switch (type) {
            case ABSENT -> "nothing";
            case FILE -> "file";
            case DIRECTORY -> "directory";
            case OTHER -> "special file";
        };
    }

    private static String link(String target) {
        return target == null ? "no symlink" : "symlink to \"" + target + "\"";
    }

    static String octal(int mode) {
        return String.format(Locale.ROOT, "%03o", mode);
    }

    /** The content as a Java-style string literal, cut after 200 characters. */
    static String quote(byte[] bytes) {
        if (bytes == null) {
            return "(unreadable)";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        boolean cut = text.length() > 200;
        StringBuilder out = new StringBuilder("\"");
        for (char c : (cut ? text.substring(0, 200) : text).toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append(cut ? "\"... (" + bytes.length + " bytes)" : "\"").toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileView view && listed == view.listed && Objects.equals(linkTarget, view.linkTarget)
                && type == view.type && size == view.size && mode == view.mode && uid == view.uid && gid == view.gid
                && mtimeSeconds == view.mtimeSeconds && Arrays.equals(content, view.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(listed, linkTarget, type, size, mode, uid, gid, mtimeSeconds, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return describe();
    }
}
