package io.gureum.speech.stt.whisper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes small files in whisper.cpp's ggml layout: whole, damaged on purpose, or a complete model of the smallest
 * shape with random weights. Such a model transcribes nonsense, but whisper.cpp loads and runs it like a real one,
 * which tests everything around the weights without a model to download.
 */
final class GgmlTestFile {
    static final int MULTILINGUAL_VOCABULARY = 51865;
    static final int ENGLISH_VOCABULARY = 51864;
    /** The smallest shape the checks accept: width 64 (one head), one layer each side, 80 mel bands, float32. */
    private static final int WIDTH = 64;
    private static final int AUDIO_CONTEXT = 1500;
    private static final int TEXT_CONTEXT = 448;
    private static final int MEL_BANDS = 80;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteBuffer scratch = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);

    private static final int FLOAT32 = 0;
    private static final int FLOAT16 = 1;

    /** The header of a float16 model (file type 1, like the whisper.cpp project's ggml-base.bin). */
    static GgmlTestFile header(int vocabulary) {
        return header(vocabulary, FLOAT16);
    }

    static GgmlTestFile header(int vocabulary, int fileType) {
        return new GgmlTestFile().ints(GgmlModelFile.GGML_MAGIC, vocabulary, AUDIO_CONTEXT, WIDTH, 1, 1, TEXT_CONTEXT, WIDTH, 1, 1,
                MEL_BANDS, fileType);
    }

    /** The structure of a model with one float32 tensor of four values: whisper.cpp reads it all, then refuses it. */
    static GgmlTestFile whole(int vocabulary) {
        return header(vocabulary).melFilters(MEL_BANDS, 201).vocabulary("a", "b", "c").tensor(1, "encoder.conv1.weight", 0, 4);
    }

    /**
     * Every tensor whisper.cpp expects, at the smallest shape, with random weights; typed as whisper.cpp's converter
     * writes a float16 model: matrices and convolution kernels float16, vectors and position tables float32. ~8 MB.
     */
    static GgmlTestFile randomModel(long seed) {
        Random random = new Random(seed);
        // whisper.cpp looks up the token " " by name (to suppress a blank start), so the vocabulary must have it
        GgmlTestFile file = header(MULTILINGUAL_VOCABULARY).melFilters(MEL_BANDS, 201).vocabulary("a", " ", "c");
        file.typedWeights(random, "encoder.positional_embedding", FLOAT32, WIDTH, AUDIO_CONTEXT);
        file.weights(random, "encoder.conv1.weight", 3, MEL_BANDS, WIDTH).typedWeights(random, "encoder.conv1.bias", FLOAT32, 1, WIDTH);
        file.weights(random, "encoder.conv2.weight", 3, WIDTH, WIDTH).typedWeights(random, "encoder.conv2.bias", FLOAT32, 1, WIDTH);
        file.layer(random, "encoder.blocks.0.", false);
        file.weights(random, "encoder.ln_post.weight", WIDTH).weights(random, "encoder.ln_post.bias", WIDTH);
        file.typedWeights(random, "decoder.positional_embedding", FLOAT32, WIDTH, TEXT_CONTEXT);
        file.weights(random, "decoder.token_embedding.weight", WIDTH, MULTILINGUAL_VOCABULARY);
        file.layer(random, "decoder.blocks.0.", true);
        file.weights(random, "decoder.ln.weight", WIDTH).weights(random, "decoder.ln.bias", WIDTH);
        return file;
    }

    private void layer(Random random, String prefix, boolean decoder) {
        weights(random, prefix + "mlp_ln.weight", WIDTH).weights(random, prefix + "mlp_ln.bias", WIDTH);
        weights(random, prefix + "mlp.0.weight", WIDTH, 4 * WIDTH).weights(random, prefix + "mlp.0.bias", 4 * WIDTH);
        weights(random, prefix + "mlp.2.weight", 4 * WIDTH, WIDTH).weights(random, prefix + "mlp.2.bias", WIDTH);
        attention(random, prefix + "attn");
        if (decoder) attention(random, prefix + "cross_attn");
    }

    private void attention(Random random, String prefix) {
        weights(random, prefix + "_ln.weight", WIDTH).weights(random, prefix + "_ln.bias", WIDTH);
        weights(random, prefix + ".query.weight", WIDTH, WIDTH).weights(random, prefix + ".query.bias", WIDTH);
        weights(random, prefix + ".key.weight", WIDTH, WIDTH);
        weights(random, prefix + ".value.weight", WIDTH, WIDTH).weights(random, prefix + ".value.bias", WIDTH);
        weights(random, prefix + ".out.weight", WIDTH, WIDTH).weights(random, prefix + ".out.bias", WIDTH);
    }

    /** Vectors float32, anything larger float16 (as the converter does). */
    private GgmlTestFile weights(Random random, String name, int... shape) {
        return typedWeights(random, name, shape.length == 1 ? FLOAT32 : FLOAT16, shape);
    }

    private GgmlTestFile typedWeights(Random random, String name, int type, int... shape) {
        ints(shape.length, name.length(), type).ints(shape);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        long count = 1;
        for (int length : shape) count *= length;
        for (long i = 0; i < count; i++) {
            if (type == FLOAT32) {
                floats((float) (random.nextGaussian() * 0.05));
            } else {
                // a random float16 between about 0.001 and 0.25 in size: random sign, exponent 5..12, mantissa
                int half = (random.nextBoolean() ? 0x8000 : 0) | (5 + random.nextInt(8)) << 10 | random.nextInt(1 << 10);
                out.write(half & 0xff);
                out.write(half >>> 8);
            }
        }
        return this;
    }

    GgmlTestFile melFilters(int bands, int bins) {
        ints(bands, bins);
        for (int i = 0; i < bands * bins; i++) floats(0f);
        return this;
    }

    GgmlTestFile vocabulary(String... tokens) {
        ints(tokens.length);
        for (String token : tokens) {
            ints(token.length());
            out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A tensor header with these numbers, then {@code values} float32 values (fewer than its four: truncated). */
    GgmlTestFile tensor(int dimensions, String name, int type, int values) {
        ints(dimensions, name.length(), type);
        for (int d = 0; d < Math.min(dimensions, 4); d++) ints(d == 0 ? 4 : 1);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < values; i++) floats(1f);
        return this;
    }

    /** Raw little-endian numbers, e.g. for a section that claims what it does not hold. */
    GgmlTestFile ints(int... values) {
        for (int value : values) out.writeBytes(scratch.clear().putInt(value).array());
        return this;
    }

    private void floats(float value) {
        out.writeBytes(scratch.clear().putFloat(value).array());
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, out.toByteArray());
    }
}
