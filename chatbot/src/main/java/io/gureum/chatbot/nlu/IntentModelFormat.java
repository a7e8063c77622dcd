package io.gureum.chatbot.nlu;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.language.embeddings.TextEmbeddings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The binary form of a {@link TrainedIntentModel}, gzipped, big-endian ({@link DataOutputStream}):
 * <pre>
 * magic "GNLU", format version (int, now 1)
 * embedding model "id@version" (UTF), its dimensions (int)
 * n-grams: hashBits, minN, maxN (ints); vocabulary size V (int); V bucket ids (ints, ascending); V IDFs (floats)
 * intents: count (int), names (UTF); learnedOutOfScope (boolean)
 * calibration: threshold (double), heldOutPhrases (int), heldOutInScopeAccuracy (double),
 *              heldOutOutOfScopeExamples (int), heldOutOutOfScopeRecall (double)
 * classifier: classes K (int); K biases; (dimensions + V) x K weights, one row of K per feature, dense features first
 * </pre>
 * A reader refuses a newer format version rather than misread it.
 */
final class IntentModelFormat {
    private static final int MAGIC = 0x474E4C55; // "GNLU"
    static final int VERSION = 1;

    private IntentModelFormat() {}

    static byte[] write(TrainedIntentModel model) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(model.embeddingModel());
            out.writeInt(model.classifier().denseDimensions());
            CharNgramFeatures ngrams = model.ngrams();
            out.writeInt(ngrams.hashBits());
            out.writeInt(ngrams.minN());
            out.writeInt(ngrams.maxN());
            out.writeInt(ngrams.dimensions());
            for (int bucket : ngrams.buckets()) out.writeInt(bucket);
            writeFloats(out, ngrams.inverseDocumentFrequency());
            out.writeInt(model.intents().size());
            for (String intent : model.intents()) out.writeUTF(intent);
            out.writeBoolean(model.learnedOutOfScope());
            OutOfScopeCalibration calibration = model.calibration();
            out.writeDouble(calibration.threshold());
            out.writeInt(calibration.heldOutPhrases());
            out.writeDouble(calibration.heldOutInScopeAccuracy());
            out.writeInt(calibration.heldOutOutOfScopeExamples());
            out.writeDouble(calibration.heldOutOutOfScopeRecall());
            SoftmaxRegression classifier = model.classifier();
            out.writeInt(classifier.classes());
            writeFloats(out, classifier.bias());
            writeFloats(out, classifier.weights());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TrainedIntentModel read(byte[] bytes, TextEmbeddings embeddings) {
        try (var in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16))) {
            if (in.readInt() != MAGIC) throw Problem.invalid("not an intent model");
            int version = in.readInt();
            if (version != VERSION) {
                throw Problem.invalid("intent model format version " + version + "; this Gureum reads version " + VERSION + " (retrain the bot)");
            }
            var embedder = new PhraseEmbedder(embeddings, Optional.of(ModelRef.parse(in.readUTF())));
            int dimensions = in.readInt();
            if (dimensions != embedder.dimensions()) {
                throw Problem.invalid("the model was trained on " + dimensions + "-dimensional embeddings; "
                        + embedder.model() + " gives " + embedder.dimensions());
            }
            int hashBits = in.readInt(), minN = in.readInt(), maxN = in.readInt();
            int vocabulary = in.readInt();
            int[] buckets = new int[vocabulary];
            for (int i = 0; i < vocabulary; i++) buckets[i] = in.readInt();
            var ngrams = new CharNgramFeatures(hashBits, minN, maxN, buckets, readFloats(in, vocabulary));
            int intentCount = in.readInt();
            List<String> intents = new ArrayList<>(intentCount);
            for (int i = 0; i < intentCount; i++) intents.add(in.readUTF());
            boolean learnedOutOfScope = in.readBoolean();
            var calibration = new OutOfScopeCalibration(in.readDouble(), in.readInt(), in.readDouble(), in.readInt(), in.readDouble());
            int classes = in.readInt();
            var classifier = new SoftmaxRegression(classes, dimensions, vocabulary, readFloats(in, classes),
                    readFloats(in, (dimensions + vocabulary) * classes));
            return new TrainedIntentModel(embedder, ngrams, classifier, intents, learnedOutOfScope, calibration);
        } catch (IOException | IllegalArgumentException | NegativeArraySizeException e) {
            throw Problem.invalid("not a readable intent model: " + e.getMessage());
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float value : values) out.writeFloat(value);
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = in.readFloat();
        return values;
    }
}
