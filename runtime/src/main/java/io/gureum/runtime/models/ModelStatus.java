package io.gureum.runtime.models;

/**
 * A catalog pack and whether this machine has it.
 *
 * @param sizeBytes installed: the bytes its folder uses in the store; not installed: the bytes
 *                  installing it will use (the sum of its listed files; 0 for classpath delivery)
 */
public record ModelStatus(ModelPack pack, boolean installed, long sizeBytes) {}
