package io.gureum.runtime.models;

import io.gureum.runtime.tfjs.TfjsConversionException;
import io.gureum.runtime.tfjs.TfjsGraphConverter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a pack's {@code conversion} on its verified files, in the staging folder, so a failed
 * conversion fails the install and leaves nothing behind. Conversions are deterministic: the
 * same files and converter version give the same bytes.
 */
final class PackConverter {
    static final String TFJS_CONVERTER = "gureum-tfjs-importer";

    private PackConverter() {}

    /** The version a conversion's output must have been made with for an install to count as current. */
    static String currentVersion(String conversion) {
        return ModelPack.CONVERSION_TFJS.equals(conversion) ? TfjsGraphConverter.VERSION : null;
    }

    static ConvertedFile convert(ModelPack pack, Path dir, InstallProgress progress) throws IOException {
        if (!ModelPack.CONVERSION_TFJS.equals(pack.conversion())) {
            throw ModelInstallException.because("unknown conversion '" + pack.conversion() + "'");
        }
        String from = pack.tfjsModelFile();
        progress.step(pack, "converting " + from + " (tfjs graph model) to " + ModelPack.CONVERTED_ONNX_FILE);
        Path out = dir.resolve(ModelPack.CONVERTED_ONNX_FILE);
        long start = System.nanoTime();
        try {
            new TfjsGraphConverter().convert(dir.resolve(from), out);
        } catch (TfjsConversionException e) {
            throw ModelInstallException.because("converting " + from + " to ONNX failed: " + e.getMessage());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String sha = Sha256.of(out, (done, total) -> progress.bytes(pack, done, total));
        return new ConvertedFile(ModelPack.CONVERTED_ONNX_FILE, sha, Files.size(out), from, pack.conversion(),
                TFJS_CONVERTER, TfjsGraphConverter.VERSION, millis);
    }
}
