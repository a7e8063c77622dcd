package io.gureum.vision.ocr.paddle;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.onnx.OnnxModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The three networks and the dictionary of one installed PP-OCR pack, each network one shared ONNX Runtime
 * session. The pack holds several ONNX files, so they are loaded here by name rather than through
 * {@code OnnxModels}, which serves one file per pack.
 */
final class PpOcrModels implements AutoCloseable {
    static final String DETECTION_FILE = "ch_PP-OCRv4_det_infer.onnx";
    static final String CLASSIFIER_FILE = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    static final String RECOGNITION_FILE = "ch_PP-OCRv4_rec_infer.onnx";
    static final String DICTIONARY_FILE = "ppocr_keys_v1.txt";

    final String ref;
    final TextDetector detector;
    final DirectionClassifier classifier;
    final TextRecognizer recognizer;
    private final List<OnnxModel> sessions = new ArrayList<>();

    PpOcrModels(InstalledModel installed, OnnxModel.Options options, int detectionLimit) {
        this.ref = installed.card().ref();
        try {
            OnnxModel det = open(installed, DETECTION_FILE, options);
            OnnxModel cls = open(installed, CLASSIFIER_FILE, options);
            OnnxModel rec = open(installed, RECOGNITION_FILE, options);
            this.detector = new TextDetector(det, detectionLimit);
            this.classifier = new DirectionClassifier(cls);
            this.recognizer = new TextRecognizer(rec, dictionary(installed));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private OnnxModel open(InstalledModel installed, String file, OnnxModel.Options options) {
        OnnxModel m = OnnxModel.load(installed.file(file), options);
        sessions.add(m);
        return m;
    }

    /** One character per line, then the space PaddleOCR appends ({@code use_space_char}). */
    static List<String> dictionary(InstalledModel installed) {
        try {
            List<String> chars = new ArrayList<>();
            for (String line : Files.readAllLines(installed.file(DICTIONARY_FILE), StandardCharsets.UTF_8)) {
                chars.add(line.replace("\r", ""));
            }
            chars.add(" ");
            return chars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dictionary of " + installed.card().ref(), e);
        }
    }

    @Override
    public void close() {
        sessions.forEach(OnnxModel::close);
    }
}
