package dev.limajunit.core.config;

import java.util.Objects;

/**
 * One entry of {@code mounts:}, as written by the user. {@code null} means "not set": defaults are applied
 * when the spec is resolved, never here, so validation can tell what the user really wrote.
 *
 * @param location   host directory; may start with {@code ~}
 * @param mountPoint guest directory; {@code null} means "same as location"
 * @param writable   {@code null} means Lima's default, false
 */
public record MountSpec(
        String location,
        String mountPoint,
        Boolean writable,
        SshfsOptions sshfs,
        NinePOptions ninep,
        VirtiofsOptions virtiofs) {

    public MountSpec {
        sshfs = Objects.requireNonNullElse(sshfs, SshfsOptions.UNSET);
        ninep = Objects.requireNonNullElse(ninep, NinePOptions.UNSET);
        virtiofs = Objects.requireNonNullElse(virtiofs, VirtiofsOptions.UNSET);
    }

    public static MountSpec of(String location) {
        return new MountSpec(location, null, null, null, null, null);
    }

    public MountSpec withMountPoint(String value) {
        return new MountSpec(location, value, writable, sshfs, ninep, virtiofs);
    }

    public MountSpec withWritable(Boolean value) {
        return new MountSpec(location, mountPoint, value, sshfs, ninep, virtiofs);
    }

    public MountSpec withSshfs(SshfsOptions value) {
        return new MountSpec(location, mountPoint, writable, value, ninep, virtiofs);
    }

    public MountSpec withNineP(NinePOptions value) {
        return new MountSpec(location, mountPoint, writable, sshfs, value, virtiofs);
    }

    public MountSpec withVirtiofs(VirtiofsOptions value) {
        return new MountSpec(location, mountPoint, writable, sshfs, ninep, value);
    }
}
