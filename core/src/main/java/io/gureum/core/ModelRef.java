package io.gureum.core;

import java.util.Optional;

/** A model named by a request: {@code id} or {@code id@version}; no version means the catalog's default. */
public record ModelRef(String id, Optional<String> version) {
    public ModelRef {
        if (id == null || id.isBlank()) throw Problem.invalid("model id is empty");
    }

    public static ModelRef parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) return new ModelRef(text.trim(), Optional.empty());
        String version = text.substring(at + 1).trim();
        if (version.isEmpty()) throw Problem.invalid("model '" + text + "': version after '@' is empty");
        return new ModelRef(text.substring(0, at).trim(), Optional.of(version));
    }

    @Override
    public String toString() {
        return version.map(v -> id + "@" + v).orElse(id);
    }
}
