package io.gureum.runtime.models;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The installed packs on this machine: {@code <root>/<id>/<version>/} holding the pack's files and
 * {@code model-card.json}. The card is written last and the folder appears by an atomic rename,
 * so a folder with a card is a complete install. Several versions of an id live side by side.
 *
 * <p>A pack the user supplies ({@link ModelPack#suppliedByUser()}) has no card: it is installed as soon
 * as the user has put its listed files in its folder, and its card is made from the catalog entry.
 */
public final class ModelStore {
    static final String CARD_FILE = "model-card.json";

    private final Path root;
    private final ModelCatalog catalog;

    public ModelStore(Path root, ModelCatalog catalog) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    public Path root() {
        return root;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** Where a pack is (or would be) installed. */
    Path dirOf(ModelPack pack) {
        return root.resolve(pack.id()).resolve(pack.version());
    }

    public List<ModelStatus> list() {
        return catalog.packs().stream().map(pack -> {
            Optional<InstalledModel> model = installed(pack);
            long size = model.isPresent() ? bytesUnder(model.get().dir())
                    : pack.files().stream().mapToLong(PackFile::size).sum();
            return new ModelStatus(pack, model.isPresent(), size);
        }).toList();
    }

    /**
     * The pack's install, when its card and all its files are there (sizes checked, not hashes),
     * including a conversion's output made by the current converter version.
     */
    public Optional<InstalledModel> installed(ModelPack pack) {
        if (pack.suppliedByUser()) return suppliedFilesInPlace(pack);
        Path dir = dirOf(pack);
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile)) return Optional.empty();
        ModelCard card;
        try {
            card = ModelCardJson.read(cardFile);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable card: treat as not installed; installing again replaces it
        }
        if (!pack.id().equals(card.id()) || !pack.version().equals(card.version())) return Optional.empty();
        InstalledModel model = new InstalledModel(card, dir);
        for (PackFile file : pack.files()) {
            if (!hasFile(model, file.path(), file.size())) return Optional.empty();
        }
        if (pack.conversion() != null) {
            // converted by this Gureum's converter, or stale: installing again converts again
            ConvertedFile converted = card.converted();
            if (converted == null || !pack.conversion().equals(converted.conversion())
                    || !PackConverter.currentVersion(pack.conversion()).equals(converted.converterVersion())
                    || !hasFile(model, converted.path(), converted.size())) {
                return Optional.empty();
            }
        }
        return Optional.of(model);
    }

    /**
     * The model to serve for {@code task}: the pinned {@code ref}, or the task's default.
     *
     * @throws Problem {@code unknown_model} (404) when the catalog has no such pack for this task;
     *                 {@code model_not_installed} (503) with the install command when it is not installed
     *                 (for a pack the user supplies: which files to put in which folder)
     */
    public InstalledModel resolve(String task, Optional<ModelRef> ref) {
        ModelPack pack;
        if (ref.isEmpty()) {
            pack = catalog.defaultFor(task).orElseThrow(() -> new Problem(404, "unknown_model", "Unknown model",
                    "The catalog has no default model for task '" + task + "'; GET /v1/models lists them."));
        } else {
            pack = catalog.find(ref.get().id(), ref.get().version())
                    .orElseThrow(() -> Problem.unknownModel(ref.get().toString()));
            if (!pack.task().equals(task)) {
                throw new Problem(404, "unknown_model", "Unknown model", "Model pack '" + pack.ref()
                        + "' is for task '" + pack.task() + "', not '" + task + "'; GET /v1/models lists them.");
            }
        }
        return installed(pack).orElseThrow(() -> notInstalled(pack));
    }

    /**
     * For a pack the user supplies: what to put where, e.g. "Model whisper-base@1 is supplied by you
     * (Gureum cannot download it): put ggml-base.bin in /home/me/.gureum/models/whisper-base/1/. It is ...".
     */
    public String placementInstructions(ModelPack pack) {
        if (!pack.suppliedByUser()) throw new IllegalArgumentException(pack.ref() + " is installed by Gureum, not supplied by the user");
        List<String> files = pack.files().stream().map(PackFile::path).toList();
        String what = files.size() == 1 ? files.get(0) + " in " : "its files in ";
        String atLeast = files.size() == 1 ? "" : " (at least " + String.join(", ", files) + ")";
        return "Model " + pack.ref() + " is supplied by you (Gureum cannot download it): put " + what
                + dirOf(pack) + File.separator + atLeast + ". " + pack.howToObtain();
    }

    /**
     * 503 {@code model_unusable}: the pack's files are there but its engine cannot read them (say, a
     * truncated download or a file of another kind under the expected name). The detail gives the
     * engine's {@code reason} and what to put there instead.
     */
    public Problem unusable(ModelPack pack, String reason) {
        Path dir = dirOf(pack);
        String fix = pack.suppliedByUser() ? "Replace it. " + placementInstructions(pack)
                : "Delete " + dir + " and install it again: " + pack.installCommand();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("model", pack.ref());
        extensions.put("folder", dir.toString());
        return new Problem(503, "model_unusable", "Model unusable",
                "Model " + pack.ref() + " in " + dir + " cannot be used: " + reason + ". " + fix, extensions);
    }

    /** 503 {@code model_not_installed}: the install command, or for a pack the user supplies, what to put where. */
    public Problem notInstalled(ModelPack pack) {
        if (!pack.suppliedByUser()) return Problem.modelNotInstalled(pack.ref(), pack.installCommand());
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("model", pack.ref());
        // for a supplied pack the command installs nothing, but it checks the files and says what is missing
        extensions.put("installCommand", pack.installCommand());
        extensions.put("folder", dirOf(pack).toString());
        extensions.put("files", pack.files().stream().map(PackFile::path).toList());
        return new Problem(503, "model_not_installed", "Model not installed",
                "Model '" + pack.ref() + "' is not installed on this server. " + placementInstructions(pack), extensions);
    }

    /**
     * Installed when every listed file is in the pack's folder (and has the listed size, where the
     * catalog gives one); whether the files are a usable model is for the engine that opens them.
     * The card comes from the catalog entry, dated when the newest of the files was written.
     */
    private Optional<InstalledModel> suppliedFilesInPlace(ModelPack pack) {
        Path dir = dirOf(pack);
        Instant newest = Instant.EPOCH;
        try {
            for (PackFile file : pack.files()) {
                Path path = dir.resolve(file.path());
                if (!Files.isRegularFile(path) || (file.size() > 0 && Files.size(path) != file.size())) return Optional.empty();
                Instant written = Files.getLastModifiedTime(path).toInstant();
                if (written.isAfter(newest)) newest = written;
            }
        } catch (IOException e) {
            return Optional.empty(); // e.g. removed while we looked: not there
        }
        return Optional.of(new InstalledModel(ModelCard.of(pack, newest), dir));
    }

    private static boolean hasFile(InstalledModel model, String path, long size) {
        try {
            Path file = model.file(path);
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static long bytesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
