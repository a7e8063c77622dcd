package io.gureum.speech.stt.whisper;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checks that a file is a whisper.cpp model (its own ggml format) before whisper.cpp opens it. whisper.cpp trusts
 * the numbers in the file: a garbage length makes it allocate gigabytes or write past a stack array, which kills the
 * whole JVM instead of failing. So every number it reads before it can reject a file by itself (header, mel filters,
 * vocabulary, each tensor's header) is read and bounded here first, and every tensor's data must fit in the file.
 * This reads a few hundred kilobytes and seeks over the weights: milliseconds, even for a large model.
 */
final class GgmlModelFile {
    /** 'ggml' as a little-endian uint32: the first four bytes of every whisper.cpp model. */
    static final int GGML_MAGIC = 0x67676d6c;
    private static final byte[] GGUF_MAGIC = "GGUF".getBytes(StandardCharsets.US_ASCII);
    private static final int MEL_FFT_BINS = 201;
    private static final int MAX_TOKEN_BYTES = 1024;
    private static final int MAX_TENSOR_NAME_BYTES = 512;
    private static final int MAX_TENSOR_DIMENSION = 1 << 24;
    /** whisper.cpp stores the quantization format version as file type + 1000 * version. */
    private static final int QUANTIZATION_VERSION_FACTOR = 1000;
    private static final int ALL_FLOAT32 = 0;

    /** ggml tensor types whisper.cpp models use: type id to {elements per block, bytes per block}. */
    private static final Map<Integer, int[]> TENSOR_TYPES = Map.ofEntries(
            Map.entry(0, new int[] {1, 4}),       // F32
            Map.entry(1, new int[] {1, 2}),       // F16
            Map.entry(2, new int[] {32, 18}),     // Q4_0
            Map.entry(3, new int[] {32, 20}),     // Q4_1
            Map.entry(6, new int[] {32, 22}),     // Q5_0
            Map.entry(7, new int[] {32, 24}),     // Q5_1
            Map.entry(8, new int[] {32, 34}),     // Q8_0
            Map.entry(10, new int[] {256, 84}),   // Q2_K
            Map.entry(11, new int[] {256, 110}),  // Q3_K
            Map.entry(12, new int[] {256, 144}),  // Q4_K
            Map.entry(13, new int[] {256, 176}),  // Q5_K
            Map.entry(14, new int[] {256, 210})); // Q6_K

    private GgmlModelFile() {}

    /** A file that is not a usable whisper.cpp model; the message says why, for the user. */
    static final class NotAWhisperModel extends Exception {
        NotAWhisperModel(String reason) {
            super(reason);
        }
    }

    /** The model's dimensions, as whisper.cpp reads them from the start of the file. */
    record Hyperparameters(int vocabulary, int audioContext, int audioState, int audioHeads, int audioLayers,
                           int textContext, int textState, int textHeads, int textLayers, int melBands, int fileType) {
        /** whisper.cpp's own rule: the English-only models have the smaller GPT-2 vocabulary. */
        boolean multilingual() {
            return vocabulary >= 51865;
        }

        /** large-v3 added Cantonese ({@code yue}) and one token. */
        boolean largeV3Vocabulary() {
            return vocabulary >= 51866;
        }
    }

    /** Reads only the dimensions (48 bytes), for questions such as "which languages?"; does not check the rest. */
    static Hyperparameters readHyperparameters(Path file) throws IOException, NotAWhisperModel {
        try (Reader in = new Reader(file)) {
            return readHeader(in);
        }
    }

    /** Checks the whole file's structure as described above and returns its dimensions. */
    static Hyperparameters check(Path file) throws IOException, NotAWhisperModel {
        try (Reader in = new Reader(file)) {
            Hyperparameters model = readHeader(in);
            checkMelFilters(in, model);
            checkVocabulary(in, model);
            checkTensors(in);
            return model;
        }
    }

    private static Hyperparameters readHeader(Reader in) throws IOException, NotAWhisperModel {
        if (in.size() < 4 + 11 * 4) throw new NotAWhisperModel("it has " + in.size() + " bytes, too few for a whisper.cpp model");
        byte[] magic = in.bytes(4);
        if (java.util.Arrays.equals(magic, GGUF_MAGIC)) {
            throw new NotAWhisperModel("it is a GGUF file, the format of llama.cpp and newer ggml projects; whisper.cpp reads its own"
                    + " ggml format (the ggml-*.bin files of the whisper.cpp project)");
        }
        if (ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt() != GGML_MAGIC) {
            throw new NotAWhisperModel("it does not start with the ggml magic number 0x67676d6c (its first bytes are "
                    + HexFormat.ofDelimiter(" ").formatHex(magic) + ")");
        }
        Hyperparameters model = new Hyperparameters(in.int32(), in.int32(), in.int32(), in.int32(), in.int32(),
                in.int32(), in.int32(), in.int32(), in.int32(), in.int32(), in.int32());
        // the bounds of every Whisper there is (tiny to large-v3, distil and turbo), with room; not exact shapes,
        // which whisper.cpp checks itself once the sizes are sane
        require(model.vocabulary() >= 51864 && model.vocabulary() <= 51866, "vocabulary size", model.vocabulary());
        require(model.audioContext() == 1500, "audio context", model.audioContext());
        require(model.textContext() == 448, "text context", model.textContext());
        require(model.audioState() >= 64 && model.audioState() <= 4096 && model.audioState() % 64 == 0, "audio width", model.audioState());
        require(model.textState() == model.audioState(), "text width", model.textState());
        require(model.audioHeads() * 64 == model.audioState(), "audio heads", model.audioHeads());
        require(model.textHeads() * 64 == model.textState(), "text heads", model.textHeads());
        require(model.audioLayers() >= 1 && model.audioLayers() <= 64, "audio layers", model.audioLayers());
        require(model.textLayers() >= 1 && model.textLayers() <= 64, "text layers", model.textLayers());
        require(model.melBands() == 80 || model.melBands() == 128, "mel bands", model.melBands());
        require(model.fileType() >= 0, "file type", model.fileType());
        if (model.fileType() % QUANTIZATION_VERSION_FACTOR == ALL_FLOAT32) {
            // whisper.cpp then keeps the convolution kernels in float32, which this build's convolution asserts against
            // (an abort, found by a test): only float16 and quantized models run
            throw new NotAWhisperModel("it is an all-float32 model, which this whisper.cpp build cannot run (it would abort);"
                    + " use a float16 or quantized ggml model, as the whisper.cpp project publishes them");
        }
        return model;
    }

    private static void checkMelFilters(Reader in, Hyperparameters model) throws IOException, NotAWhisperModel {
        int bands = in.int32();
        int bins = in.int32();
        require(bands == model.melBands(), "mel filter bands", bands);
        require(bins == MEL_FFT_BINS, "mel filter bins", bins);
        in.skip(4L * bands * bins);
    }

    private static void checkVocabulary(Reader in, Hyperparameters model) throws IOException, NotAWhisperModel {
        int tokens = in.int32();
        require(tokens > 0 && tokens <= model.vocabulary(), "vocabulary entries", tokens);
        for (int i = 0; i < tokens; i++) {
            int length = in.int32();
            if (length < 0 || length > MAX_TOKEN_BYTES) {
                throw new NotAWhisperModel("vocabulary entry " + i + " claims " + Integer.toUnsignedString(length) + " bytes");
            }
            in.skip(length);
        }
    }

    private static void checkTensors(Reader in) throws IOException, NotAWhisperModel {
        int count = 0;
        while (!in.atEnd()) {
            int dimensions = in.int32();
            int nameLength = in.int32();
            int type = in.int32();
            String where = "tensor " + count;
            require(dimensions >= 1 && dimensions <= 4, where + ": dimensions", dimensions);
            require(nameLength >= 1 && nameLength <= MAX_TENSOR_NAME_BYTES, where + ": name length", nameLength);
            int[] block = TENSOR_TYPES.get(type);
            if (block == null) throw new NotAWhisperModel(where + " has type " + type + ", which whisper.cpp models do not use");
            long elements = 1;
            int rowLength = 0;
            for (int d = 0; d < dimensions; d++) {
                int length = in.int32();
                require(length >= 1 && length <= MAX_TENSOR_DIMENSION, where + ": dimension " + d, length);
                if (d == 0) rowLength = length;
                elements *= length;
            }
            String name = new String(in.bytes(nameLength), StandardCharsets.UTF_8);
            if (rowLength % block[0] != 0) {
                throw new NotAWhisperModel("tensor " + name + ": rows of " + rowLength + " do not fill blocks of " + block[0]);
            }
            long bytes = elements / block[0] * block[1];
            if (in.position() + bytes > in.size()) {
                throw new NotAWhisperModel("the file ends inside tensor " + name + " (" + (in.position() + bytes - in.size())
                        + " bytes missing): it is truncated, e.g. an interrupted download");
            }
            in.skip(bytes);
            count++;
        }
        if (count == 0) throw new NotAWhisperModel("it has a header but no weights: it is truncated");
    }

    private static void require(boolean sane, String what, int value) throws NotAWhisperModel {
        if (!sane) throw new NotAWhisperModel("its " + what + " is " + value + ", which no Whisper model has (a damaged or foreign file)");
    }

    /** Little-endian reads through a 64 KiB window, so skipping the weights costs a seek, not a read. */
    private static final class Reader implements Closeable {
        private final FileChannel channel;
        private final long size;
        private final ByteBuffer window = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN).flip();
        /** File position of {@code window}'s index 0. */
        private long windowStart;

        Reader(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        }

        long size() {
            return size;
        }

        long position() {
            return windowStart + window.position();
        }

        boolean atEnd() {
            return position() >= size;
        }

        int int32() throws IOException, NotAWhisperModel {
            fill(4);
            return window.getInt();
        }

        /** At most the window's size; callers bound lengths far below it. */
        byte[] bytes(int length) throws IOException, NotAWhisperModel {
            fill(length);
            byte[] bytes = new byte[length];
            window.get(bytes);
            return bytes;
        }

        void skip(long bytes) {
            long target = position() + bytes;
            if (target <= windowStart + window.limit()) {
                window.position((int) (target - windowStart));
            } else {
                windowStart = target;
                window.clear().flip();
            }
        }

        private void fill(int needed) throws IOException, NotAWhisperModel {
            if (window.remaining() >= needed) return;
            long start = position();
            if (start + needed > size) throw new NotAWhisperModel("the file ends early, at byte " + size + ": it is truncated");
            window.clear();
            while (window.position() < needed) {
                int read = channel.read(window, start + window.position());
                if (read < 0) throw new EOFException("file shrank while it was read");
            }
            window.flip();
            windowStart = start;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
