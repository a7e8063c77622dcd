package io.gureum.language.embeddings;

import ai.djl.engine.EngineException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A model's {@code tokenizer.json} run by the Hugging Face tokenizers library (Rust, through DJL's JNI
 * binding), so texts split into exactly the word pieces the model was trained on. Thread-safe: the Rust
 * tokenizer is shared and {@link #encode} takes no lock.
 *
 * <p>Offline: DJL's jar carries the native library for Linux x86-64 and aarch64 and macOS aarch64 and
 * copies it to its cache folder ({@code ~/.djl.ai/tokenizers}, or {@code $DJL_CACHE_DIR}) on first use.
 * Unless told to be offline, DJL asks for a CUDA build on a machine with an NVIDIA GPU and downloads it
 * from the internet; {@code ai.djl.offline=true}, set here unless the user set it (or {@code DJL_OFFLINE}),
 * makes it take the CPU library from the jar, and fail rather than download anything.
 */
final class WordPieces implements AutoCloseable {
    static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** One text's word pieces, special tokens included. */
    record Encoded(int index, long[] ids, boolean truncated) {}

    private final HuggingFaceTokenizer tokenizer;

    private WordPieces(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Reads a {@code tokenizer.json}, overriding its own truncation and padding: at most {@code maxTokens}
     * word pieces, {@code [CLS]} and {@code [SEP]} included, and no padding (batches are padded to their
     * longest text).
     */
    static WordPieces open(Path tokenizerJson, int maxTokens) {
        if (System.getProperty(OFFLINE_PROPERTY) == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        try {
            return new WordPieces(HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(maxTokens)
                    .optPadding(false)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + tokenizerJson, e);
        } catch (EngineException e) {
            throw new IllegalStateException("the Hugging Face tokenizers library cannot run here (DJL's jar carries it for Linux "
                    + "x86-64 and aarch64 and macOS aarch64; this is " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "): " + e.getMessage(), e);
        }
    }

    Encoded encode(int index, String text) {
        Encoding encoding = tokenizer.encode(text);
        return new Encoded(index, encoding.getIds(), encoding.exceedMaxLength());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
