package io.gureum.speech.stt.vosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that a folder looks like a Vosk model before Vosk opens it. Kaldi, under Vosk, reports most bad input as
 * an error, but some of its checks abort the process, which would take the whole JVM down. So what Vosk reads
 * first is checked here: the files every Vosk model has are present and not empty, and the binary ones start as
 * Kaldi and OpenFst write them. Cheap: a few bytes of a few files.
 */
final class VoskModelFolder {
    /** Kaldi's binary-mode marker ("\0B") then the first token of an acoustic model. */
    private static final byte[] KALDI_ACOUSTIC_MODEL = "\0B<TransitionModel>".getBytes(StandardCharsets.ISO_8859_1);
    /** Kaldi's binary-mode marker, the start of every binary Kaldi file. */
    private static final byte[] KALDI_BINARY = "\0B".getBytes(StandardCharsets.ISO_8859_1);
    /** OpenFst's magic number 2125659606, little-endian, the start of every binary FST. */
    private static final byte[] OPENFST_MAGIC = {(byte) 0xd6, (byte) 0xfd, (byte) 0xb2, 0x7e};
    private static final List<String> CONFIGURATION = List.of("conf/mfcc.conf", "conf/model.conf");
    private static final List<String> IVECTOR_EXTRACTOR = List.of("ivector/final.ie", "ivector/final.dubm", "ivector/final.mat");

    private VoskModelFolder() {}

    /** A folder that is not a usable Vosk model; the message says why, for the user. */
    static final class NotAVoskModel extends Exception {
        NotAVoskModel(String reason) {
            super(reason);
        }
    }

    static void check(Path dir) throws IOException, NotAVoskModel {
        requireStart(dir, "am/final.mdl", KALDI_ACOUSTIC_MODEL, "a Kaldi acoustic model");
        for (String conf : CONFIGURATION) requireStart(dir, conf, new byte[0], "a configuration file");
        // a big model has one decoding graph; a small one a lookahead pair
        if (Files.exists(dir.resolve("graph/HCLG.fst"))) {
            requireStart(dir, "graph/HCLG.fst", OPENFST_MAGIC, "an OpenFst graph");
        } else if (Files.exists(dir.resolve("graph/HCLr.fst")) || Files.exists(dir.resolve("graph/Gr.fst"))) {
            requireStart(dir, "graph/HCLr.fst", OPENFST_MAGIC, "an OpenFst graph");
            requireStart(dir, "graph/Gr.fst", OPENFST_MAGIC, "an OpenFst graph");
        } else {
            throw new NotAVoskModel("it has no decoding graph (graph/HCLG.fst, or graph/HCLr.fst and graph/Gr.fst)");
        }
        if (Files.exists(dir.resolve("ivector"))) {
            for (String file : IVECTOR_EXTRACTOR) requireStart(dir, file, KALDI_BINARY, "a Kaldi i-vector extractor file");
        }
    }

    private static void requireStart(Path dir, String path, byte[] start, String what) throws IOException, NotAVoskModel {
        Path file = dir.resolve(path);
        if (!Files.isRegularFile(file)) throw new NotAVoskModel(path + " is missing");
        if (Files.size(file) == 0) throw new NotAVoskModel(path + " is empty");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(start.length);
        }
        if (!Arrays.equals(head, start)) throw new NotAVoskModel(path + " is not " + what);
    }
}
