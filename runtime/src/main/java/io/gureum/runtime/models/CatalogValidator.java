package io.gureum.runtime.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rejects a catalog that could not be installed safely: ids that are not folder names, missing
 * or malformed checksums, file paths that escape the pack folder, two defaults for one task.
 * Packs the user supplies may leave checksums out (any model of the right kind will do).
 */
final class CatalogValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private CatalogValidator() {}

    static void check(List<ModelPack> packs) {
        List<String> errors = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        Map<String, String> defaults = new HashMap<>();
        for (ModelPack pack : packs) {
            String name = "pack " + pack.id() + "@" + pack.version();
            checkPack(pack, name, errors);
            if (!refs.add(pack.ref())) errors.add(name + ": listed twice");
            if (pack.isDefault() && pack.task() != null) {
                String other = defaults.putIfAbsent(pack.task(), pack.ref());
                if (other != null) errors.add(name + ": task '" + pack.task() + "' already has default " + other);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("model catalog is invalid:\n  " + String.join("\n  ", errors));
        }
    }

    private static void checkPack(ModelPack pack, String name, List<String> errors) {
        if (pack.id() == null || !ID.matcher(pack.id()).matches()) errors.add(name + ": id must match " + ID);
        if (pack.version() == null || !VERSION.matcher(pack.version()).matches()) {
            errors.add(name + ": version must match " + VERSION);
        }
        if (blank(pack.task())) errors.add(name + ": task is missing");
        if (blank(pack.licence())) errors.add(name + ": licence is missing");
        if (pack.archiveSha256() != null && !SHA256.matcher(pack.archiveSha256()).matches()) {
            errors.add(name + ": archiveSha256 must be 64 lower-case hex digits");
        }
        if (pack.suppliedByUser()) {
            checkSuppliedByUser(pack, name, errors);
            return;
        }
        if (pack.howToObtain() != null) errors.add(name + ": howToObtain is only for packs the user supplies (source "
                + ModelPack.SOURCE_SUPPLIED_BY_USER + ")");
        PackSource source = null;
        try {
            source = PackSource.parse(pack.source());
        } catch (IllegalArgumentException e) {
            errors.add(name + ": " + e.getMessage());
        }
        switch (String.valueOf(pack.delivery())) {
            case ModelPack.DELIVERY_CLASSPATH -> {
                if (blank(pack.classpathAnchor())) errors.add(name + ": classpath delivery needs classpathAnchor");
                if (pack.archiveSha256() == null) errors.add(name + ": classpath delivery needs archiveSha256 of the jar");
                if (!pack.files().isEmpty()) errors.add(name + ": classpath delivery lists no files (the jar is verified whole)");
            }
            case ModelPack.DELIVERY_FILES -> {
                if (pack.files().isEmpty()) errors.add(name + ": lists no files");
                if (source instanceof DebianSource && pack.archiveSha256() != null) {
                    errors.add(name + ": archiveSha256 has no meaning for a debian: source (nothing is downloaded)");
                }
                checkFiles(pack, name, true, errors);
            }
            default -> errors.add(name + ": delivery must be \"files\" or \"classpath\", not \"" + pack.delivery() + "\"");
        }
        checkConversion(pack, name, errors);
    }

    /**
     * A pack the user supplies: nothing is downloaded or converted, so no archive checksum and no conversion;
     * each file's sha256 is optional (when given, {@code models install} checks the user's file against it),
     * and the message telling the user what to put where needs {@code howToObtain}.
     */
    private static void checkSuppliedByUser(ModelPack pack, String name, List<String> errors) {
        if (!ModelPack.DELIVERY_FILES.equals(pack.delivery())) errors.add(name + ": a pack the user supplies has delivery \"files\"");
        if (pack.archiveSha256() != null) errors.add(name + ": archiveSha256 has no meaning for a pack the user supplies (nothing is downloaded)");
        if (pack.conversion() != null) errors.add(name + ": a pack the user supplies cannot have a conversion");
        if (blank(pack.howToObtain())) errors.add(name + ": a pack the user supplies needs howToObtain (where its files come from, in words)");
        if (pack.files().isEmpty()) errors.add(name + ": lists no files (list the model file, or a few files that every such model folder has)");
        checkFiles(pack, name, false, errors);
    }

    private static void checkFiles(ModelPack pack, String name, boolean sha256Required, List<String> errors) {
        Set<String> paths = new HashSet<>();
        for (PackFile file : pack.files()) {
            checkFile(file, name, sha256Required, errors);
            if (!paths.add(file.path())) errors.add(name + ": file " + file.path() + " listed twice");
        }
    }

    private static void checkConversion(ModelPack pack, String name, List<String> errors) {
        if (pack.conversion() == null) return;
        if (!pack.conversion().equals(ModelPack.CONVERSION_TFJS)) {
            errors.add(name + ": conversion must be \"" + ModelPack.CONVERSION_TFJS + "\" or absent, not \"" + pack.conversion() + "\"");
            return;
        }
        if (pack.deliveredOnClasspath()) errors.add(name + ": a converted pack must have delivery \"files\"");
        long json = pack.files().stream().filter(f -> f.path() != null && f.path().endsWith(".json")).count();
        if (json != 1) errors.add(name + ": a tfjs conversion needs exactly one .json file (the model.json), not " + json);
        if (pack.files().stream().anyMatch(f -> ModelPack.CONVERTED_ONNX_FILE.equals(f.path()))) {
            errors.add(name + ": file path '" + ModelPack.CONVERTED_ONNX_FILE + "' is reserved for the converted model");
        }
    }

    private static void checkFile(PackFile file, String name, boolean sha256Required, List<String> errors) {
        String path = file.path();
        if (blank(path) || path.startsWith("/") || path.contains("\\") || path.endsWith("/")
                || List.of(path.split("/")).stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
            errors.add(name + ": file path '" + path + "' must be relative, with no '.', '..' or empty parts");
        } else if (path.equals(ModelStore.CARD_FILE)) {
            errors.add(name + ": file path '" + path + "' is reserved for the model card");
        }
        boolean shaOptionalAndAbsent = !sha256Required && file.sha256() == null;
        if (!shaOptionalAndAbsent && (file.sha256() == null || !SHA256.matcher(file.sha256()).matches())) {
            errors.add(name + ": file " + path + ": sha256 must be 64 lower-case hex digits");
        }
        if (file.size() < 0) errors.add(name + ": file " + path + ": size is negative");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
