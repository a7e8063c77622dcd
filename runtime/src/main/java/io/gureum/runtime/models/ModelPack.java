package io.gureum.runtime.models;

import java.util.List;

/**
 * One version of one model as the catalog lists it: where it comes from, what it must hash to,
 * and under which licence. A pack is data; {@link ModelInstaller} turns it into files on disk.
 *
 * @param delivery        {@code "files"}: the files are copied into the store;
 *                        {@code "classpath"}: a library jar on the classpath carries the model data
 *                        and is verified in place (nothing is copied)
 * @param classpathAnchor a class inside that jar, for {@code delivery = "classpath"}; otherwise null
 * @param archiveSha256   sha256 of the downloaded package (jar / tgz), or null when not pinned
 * @param isDefault       whether this pack is its task's default
 * @param conversion      how the verified files become the model that is served, or null when they
 *                        are served as they are: {@value #CONVERSION_TFJS} converts the pack's tfjs
 *                        graph model (its one {@code .json} file and the weight shards it names) to
 *                        {@value #CONVERTED_ONNX_FILE} at install time
 * @param howToObtain     for a pack the user supplies ({@code source} {@value #SOURCE_SUPPLIED_BY_USER}):
 *                        where its files come from, in words, for the messages that tell the user what to
 *                        put where; null for every other pack
 */
public record ModelPack(String id, String version, String task, String description, String source,
                        String delivery, String classpathAnchor, String archiveSha256,
                        List<PackFile> files, String licence, String licenceUrl, boolean isDefault,
                        String conversion, String howToObtain) {

    public static final String DELIVERY_FILES = "files";
    public static final String DELIVERY_CLASSPATH = "classpath";
    public static final String CONVERSION_TFJS = "tfjs-graph-to-onnx";
    /** Where a conversion writes its result, in the pack's folder. */
    public static final String CONVERTED_ONNX_FILE = "model.onnx";
    /**
     * The source of a pack that nothing here can download (licence or size): the user puts its files
     * in the pack's folder of the store, and it counts as installed once they are there.
     */
    public static final String SOURCE_SUPPLIED_BY_USER = "local:";

    public ModelPack {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A pack Gureum installs itself (every pack before user-supplied ones existed). */
    public ModelPack(String id, String version, String task, String description, String source,
                     String delivery, String classpathAnchor, String archiveSha256,
                     List<PackFile> files, String licence, String licenceUrl, boolean isDefault,
                     String conversion) {
        this(id, version, task, description, source, delivery, classpathAnchor, archiveSha256,
                files, licence, licenceUrl, isDefault, conversion, null);
    }

    /** {@code id@version}: how requests, logs and responses name this exact pack. */
    public String ref() {
        return id + "@" + version;
    }

    /** The command that installs this pack; the version is spelled out unless it is the default. */
    public String installCommand() {
        return "./gureum models install " + (isDefault ? id : ref());
    }

    /** Whether the user supplies this pack's files ({@code source} {@value #SOURCE_SUPPLIED_BY_USER}). */
    public boolean suppliedByUser() {
        return SOURCE_SUPPLIED_BY_USER.equals(source);
    }

    public boolean deliveredOnClasspath() {
        return DELIVERY_CLASSPATH.equals(delivery);
    }

    /** For a tfjs conversion: the graph model's {@code model.json} (the pack's one {@code .json} file). */
    public String tfjsModelFile() {
        List<String> json = files.stream().map(PackFile::path).filter(p -> p.endsWith(".json")).toList();
        if (json.size() != 1) throw new IllegalStateException(ref() + " must list exactly one .json file, not " + json);
        return json.get(0);
    }
}
