package io.gureum.runtime.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The model packs Gureum knows how to install, read from a JSON resource.
 * The catalog is checked when it is read, so a bad entry fails at start-up, not at install time.
 */
public final class ModelCatalog {
    static final String RESOURCE = "io/gureum/runtime/models/model-catalog.json";

    private final List<ModelPack> packs;

    private ModelCatalog(List<ModelPack> packs) {
        CatalogValidator.check(packs);
        this.packs = List.copyOf(packs);
    }

    /** The catalog shipped in this jar. */
    public static ModelCatalog builtIn() {
        InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
        try (in) {
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog from JSON shaped like the built-in one: {@code {"packs": [ ... ]}}. */
    public static ModelCatalog fromJson(InputStream in) {
        // Strict on unknown keys: a misspelt "sha265" must not silently switch verification off.
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            CatalogJson json = mapper.readValue(in, CatalogJson.class);
            if (json.packs() == null) throw new IllegalArgumentException("model catalog has no \"packs\" array");
            return new ModelCatalog(json.packs().stream().map(PackJson::toPack).toList());
        } catch (IOException e) {
            throw new IllegalArgumentException("model catalog is not valid JSON: " + e.getMessage(), e);
        }
    }

    public List<ModelPack> packs() {
        return packs;
    }

    /** No version: the default version of that id, else the newest version listed. */
    public Optional<ModelPack> find(String id, Optional<String> version) {
        List<ModelPack> ofId = packs.stream().filter(p -> p.id().equals(id)).toList();
        if (version.isPresent()) {
            return ofId.stream().filter(p -> p.version().equals(version.get())).findFirst();
        }
        return ofId.stream().filter(ModelPack::isDefault).findFirst()
                .or(() -> ofId.stream().max(Comparator.comparing(ModelPack::version, VersionOrder.INSTANCE)));
    }

    public Optional<ModelPack> defaultFor(String task) {
        return packs.stream().filter(p -> p.task().equals(task) && p.isDefault()).findFirst();
    }

    public List<ModelPack> forTask(String task) {
        return packs.stream().filter(p -> p.task().equals(task)).toList();
    }

    private record CatalogJson(List<PackJson> packs) {}

    /** The catalog's JSON shape; kept apart so the public records stay free of Jackson annotations. */
    private record PackJson(String id, String version, String task, String description, String source,
                            String delivery, String classpathAnchor, String archiveSha256,
                            List<PackFile> files, String licence, String licenceUrl,
                            @JsonProperty("default") boolean isDefault, String conversion, String howToObtain) {
        ModelPack toPack() {
            return new ModelPack(id, version, task, description, source,
                    delivery == null ? ModelPack.DELIVERY_FILES : delivery, classpathAnchor, archiveSha256,
                    files, licence, licenceUrl, isDefault, conversion, howToObtain);
        }
    }
}
