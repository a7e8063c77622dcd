package io.gureum.runtime.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Provenance of an installed pack, written as {@code model-card.json} next to its files:
 * where it came from, what it hashed to, its licence and when it was installed.
 * {@code metrics} holds measured quality numbers when a pack has them (empty otherwise);
 * {@code converted} describes the file a conversion made at install time (null when none).
 */
public record ModelCard(String id, String version, String task, String description, String source,
                        String delivery, String licence, String licenceUrl, List<PackFile> files,
                        String archiveSha256, Instant installedAt, Map<String, Object> metrics,
                        ConvertedFile converted) {

    public ModelCard {
        files = files == null ? List.of() : List.copyOf(files);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The card for a pack that has just been verified. */
    static ModelCard of(ModelPack pack, Instant installedAt) {
        return of(pack, installedAt, null);
    }

    /** The card for a pack that has just been verified and, if it has a conversion, converted. */
    static ModelCard of(ModelPack pack, Instant installedAt, ConvertedFile converted) {
        return new ModelCard(pack.id(), pack.version(), pack.task(), pack.description(), pack.source(),
                pack.delivery(), pack.licence(), pack.licenceUrl(), pack.files(), pack.archiveSha256(),
                installedAt, Map.of(), converted);
    }

    public String ref() {
        return id + "@" + version;
    }
}
