package io.gureum.vision.face;

import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.runtime.onnx.OnnxModels;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;
import io.gureum.vision.models.ModelUse;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faces as a plain library: find them, read age, gender and expression, and compute identity vectors.
 *
 * <pre>{@code
 * try (var faces = new FaceAnalyzer(store, OnnxModel.Options.defaults())) {
 *     FaceAnalysis result = faces.analyze(decoded.image(), FaceOptions.detection().withAttributes(EnumSet.allOf(FaceAttribute.class)));
 * }
 * }</pre>
 *
 * <p>Models are the catalog's defaults for each task ({@code blazeface-back} finds faces, {@code faceres}
 * reads age, gender and the identity vector, {@code emotion} expressions), loaded once and shared by all
 * threads. Every face of an image is read in one batch per model, and the detector's tiles run in parallel
 * (on the common fork-join pool), so one ONNX Runtime thread per run
 * ({@code OnnxModel.Options.withIntraOpThreads(1)}) is the right setting. Thread-safe.
 *
 * <p>Identity vectors are FaceRes's 1024-d descriptor, L2-normalised, as Human uses it. MobileFaceNet
 * (pack {@code mobilefacenet}) was tried first and rejected: its 192-d vectors share one dominant
 * component, so two different people scored 0.9997 cosine on the test photos against 0.9999 for the
 * same face shifted; FaceRes gives 0.37 against 0.98.
 */
public final class FaceAnalyzer implements AutoCloseable {
    public static final String DETECTION_TASK = "face-detection";
    public static final String ATTRIBUTES_TASK = "face-attributes";
    public static final String EMOTION_TASK = "face-emotion";
    /** Length of an identity vector (FaceRes's descriptor). */
    public static final int EMBEDDING_DIMENSIONS = 1024;

    /** FaceRes reads 224x224 RGB in 0..255, framed looser than ArcFace (its training crops showed the whole head). */
    private static final int FACERES_SIZE = 224;
    private static final double FACERES_ZOOM = 0.8;
    private static final TensorFormat FACERES_FORMAT = new TensorFormat(TensorFormat.Layout.NHWC, TensorFormat.Channels.RGB, Normalization.NONE);
    /** The FER-2013 expression model reads 64x64 grayscale in -1..1, tight faces. */
    private static final int EMOTION_SIZE = 64;
    private static final double EMOTION_ZOOM = 0.9;
    private static final TensorFormat EMOTION_FORMAT = new TensorFormat(TensorFormat.Layout.NHWC, TensorFormat.Channels.GRAY, Normalization.SYMMETRIC);

    private final OnnxModels models;
    /** One detector per detection model, made on first use (it reads the model's output layout once). */
    private final Map<String, FaceDetector> detectors = new ConcurrentHashMap<>();

    public FaceAnalyzer(ModelStore store, OnnxModel.Options options) {
        this.models = new OnnxModels(store, options);
    }

    /**
     * Finds the faces in an upright, packed-BGR image and reads what {@code options} asks for.
     *
     * @throws io.gureum.core.Problem {@code unknown_model} (404) or {@code model_not_installed} (503) for a
     *                                missing model, before any work is done
     */
    public FaceAnalysis analyze(BufferedImage image, FaceOptions options) {
        // resolve every model first: a missing one fails the request before any inference
        OnnxModels.Loaded detector = models.get(DETECTION_TASK, options.detector());
        boolean ageOrGender = options.attributes().contains(FaceAttribute.AGE) || options.attributes().contains(FaceAttribute.GENDER)
                || options.embedding();
        boolean emotion = options.attributes().contains(FaceAttribute.EMOTION);
        OnnxModels.Loaded faceres = ageOrGender ? models.get(ATTRIBUTES_TASK, Optional.empty()) : null;
        OnnxModels.Loaded expressions = emotion ? models.get(EMOTION_TASK, Optional.empty()) : null;

        List<FaceDetector.Detection> found = detectors.computeIfAbsent(detector.installed().card().ref(), k -> new FaceDetector(detector.model()))
                .detect(image, options.minFaceSize(), options.minConfidence(), options.maxFaces());
        int n = found.size();
        float[] ageProbabilities = null, maleScores = null, emotionScores = null, descriptors = null;
        if (n > 0 && faceres != null) {
            OnnxModel.Outputs out = runBatch(faceres.model(), image, found, FACERES_SIZE, FACERES_ZOOM, FACERES_FORMAT);
            ageProbabilities = out.floats(outputWithWidth(out, 100));
            maleScores = out.floats(outputWithWidth(out, 1));
            descriptors = out.floats(outputWithWidth(out, 1024));
        }
        if (n > 0 && expressions != null) {
            OnnxModel.Outputs out = runBatch(expressions.model(), image, found, EMOTION_SIZE, EMOTION_ZOOM, EMOTION_FORMAT);
            emotionScores = out.floats(out.names().get(0));
        }

        List<Face> faces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FaceDetector.Detection d = found.get(i);
            FaceAttributes attributes = null;
            if (!options.attributes().isEmpty()) {
                Double age = options.attributes().contains(FaceAttribute.AGE) ? expectedAge(ageProbabilities, i) : null;
                Gender gender = options.attributes().contains(FaceAttribute.GENDER) ? gender(maleScores[i]) : null;
                Emotion expression = emotion ? Emotion.fromProbabilities(emotionScores, i * Emotion.CLASSES.length) : null;
                attributes = new FaceAttributes(age, gender, expression);
            }
            float[] embedding = null;
            if (options.embedding()) {
                int dims = descriptors.length / n;
                embedding = FaceSimilarity.normalised(java.util.Arrays.copyOfRange(descriptors, i * dims, (i + 1) * dims));
            }
            faces.add(new Face(d.box().rounded(), Math.round(d.score() * 1000) / 1000.0, d.landmarks().rounded(), attributes, embedding));
        }
        List<ModelUse> used = new ArrayList<>();
        for (OnnxModels.Loaded m : new OnnxModels.Loaded[] {detector, faceres, expressions}) {
            if (m != null) used.add(new ModelUse(m.task(), m.id(), m.version()));
        }
        return new FaceAnalysis(image.getWidth(), image.getHeight(), faces, used);
    }

    /** The model that computes identity vectors now (FaceRes, the face-attributes default): collections record it. */
    public ModelUse embeddingModel() {
        OnnxModels.Loaded m = models.get(ATTRIBUTES_TASK, Optional.empty());
        return new ModelUse(m.task(), m.id(), m.version());
    }

    /** Loads the default detection, attribute and embedding models and runs each once. */
    public void warmUp() {
        BufferedImage blank = io.gureum.vision.image.BgrImages.create(320, 240);
        analyze(blank, FaceOptions.detection().withAttributes(java.util.EnumSet.allOf(FaceAttribute.class)).withEmbedding(true));
    }

    private static OnnxModel.Outputs runBatch(OnnxModel model, BufferedImage image, List<FaceDetector.Detection> faces,
                                              int size, double zoom, TensorFormat format) {
        int per = format.size(size, size);
        float[] batch = new float[per * faces.size()];
        for (int i = 0; i < faces.size(); i++) {
            BufferedImage crop = FaceAligner.align(image, faces.get(i).landmarks(), size, zoom);
            ImageTensors.toTensor(crop, format, batch, i * per);
        }
        String input = model.inputNames().iterator().next();
        return model.run(Map.of(input, OnnxModel.Input.floats(batch, format.shape(faces.size(), size, size))));
    }

    private static String outputWithWidth(OnnxModel.Outputs out, int width) {
        for (String name : out.names()) {
            long[] shape = out.shape(name);
            if (shape.length == 2 && shape[1] == width) return name;
        }
        throw new IllegalStateException("the attribute model has no output of width " + width + ": " + out.names());
    }

    /** FaceRes's age head is a distribution over 0-99 years; its mean is steadier than its peak. */
    private static double expectedAge(float[] probabilities, int face) {
        double sum = 0, mean = 0;
        for (int year = 0; year < 100; year++) {
            double p = probabilities[face * 100 + year];
            sum += p;
            mean += p * year;
        }
        return Math.round(mean / sum * 10) / 10.0;
    }

    /** FaceRes's gender head is a sigmoid: above 0.5 male. */
    private static Gender gender(float maleScore) {
        boolean male = maleScore > 0.5;
        double confidence = male ? maleScore : 1 - maleScore;
        return new Gender(male ? "male" : "female", Math.round(confidence * 1000) / 1000.0);
    }

    @Override
    public void close() {
        models.close();
    }
}
