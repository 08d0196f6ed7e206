package dev.limajunit.core.host;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.mac.SystemB;
import com.sun.jna.platform.unix.LibC;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Facts only the OS can tell, through JNA: {@code os.version} says "10.0" on Windows 11 and "10.16" on some macOS
 * builds, so the real versions come from {@code RtlGetVersion} and {@code sysctlbyname("kern.osproductversion")}.
 * Every call degrades to empty instead of failing: a missing fact makes a rule say "unknown", not crash.
 */
final class NativeHost {

    private NativeHost() {
    }

    /** ntdll's RtlGetVersion: unlike GetVersionEx it is not lied to by compatibility shims. */
    interface NtDllVersion extends Library {
        int RtlGetVersion(WinNT.OSVERSIONINFOEX info);
    }

    /**
     * The effective uid: on Linux from {@code /proc/self/status} (no native call, so JDK 22+ prints no "restricted
     * method" warning for JNA), elsewhere via libc {@code geteuid()}; empty on Windows or when neither works.
     */
    static Optional<Integer> effectiveUid(OperatingSystem os) {
        if (os == OperatingSystem.WINDOWS) {
            return Optional.empty();
        }
        if (os == OperatingSystem.LINUX) {
            Optional<Integer> fromProc = effectiveUidFromProc(Path.of("/proc/self/status"));
            if (fromProc.isPresent()) {
                return fromProc;
            }
        }
        return effectiveUidFromLibc();
    }

    static Optional<Integer> effectiveUidFromLibc() {
        try {
            return Optional.of(LibC.INSTANCE.geteuid());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The second field of the {@code Uid:} line (real, effective, saved, filesystem uid). */
    static Optional<Integer> effectiveUidFromProc(Path status) {
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("Uid:")).findFirst()
                    .map(line -> line.substring(4).strip().split("\\s+"))
                    .filter(fields -> fields.length >= 2)
                    .map(fields -> Integer.parseInt(fields[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** macOS product version ({@code 13.4.1}) from {@code sysctlbyname("kern.osproductversion")}. */
    static Optional<String> macOsProductVersion() {
        try {
            IntByReference size = new IntByReference();
            if (SystemB.INSTANCE.sysctlbyname("kern.osproductversion", null, size, null, 0) != 0
                    || size.getValue() <= 0) {
                return Optional.empty();
            }
            Memory buffer = new Memory(size.getValue());
            if (SystemB.INSTANCE.sysctlbyname("kern.osproductversion", buffer, size, null, 0) != 0) {
                return Optional.empty();
            }
            return Optional.of(buffer.getString(0));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Windows {@code major.minor.build} ({@code 10.0.22631} on Windows 11) from {@code RtlGetVersion}. */
    static Optional<String> windowsVersion() {
        try {
            NtDllVersion ntdll = Native.load("ntdll", NtDllVersion.class);
            WinNT.OSVERSIONINFOEX info = new WinNT.OSVERSIONINFOEX();
            if (ntdll.RtlGetVersion(info) != 0) {
                return Optional.empty();
            }
            return Optional.of(info.getMajor() + "." + info.getMinor() + "." + info.getBuildNumber());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
