package io.gureum.runtime.models;

/**
 * The file a pack's conversion produced at install time, with its own provenance: what it was
 * made from, by which converter version, and its sha256 (so it can be verified like the files it
 * came from).
 *
 * @param path             in the pack's folder, e.g. {@code model.onnx}
 * @param from             the pack file it was converted from, e.g. {@code faceres.json}
 * @param conversion       the catalog's conversion, e.g. {@code tfjs-graph-to-onnx}
 * @param converter        the converter's name
 * @param converterVersion its version; a different version than the running Gureum's makes the
 *                         install stale, so installing again converts again
 * @param millis           how long the conversion took
 */
public record ConvertedFile(String path, String sha256, long size, String from, String conversion,
                            String converter, String converterVersion, long millis) {}
