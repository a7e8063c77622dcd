package io.gureum.platform.keys;

/** A new key and its secret: the only moment the secret exists outside the caller's hands. */
public record CreatedKey(ApiKey key, String secret) {}
