package io.gureum.runtime.models;

/**
 * One file of a model pack as the catalog promises it: its path inside the pack's folder
 * (relative, forward slashes), its sha256 (lower-case hex) and its size in bytes.
 */
public record PackFile(String path, String sha256, long size) {}
