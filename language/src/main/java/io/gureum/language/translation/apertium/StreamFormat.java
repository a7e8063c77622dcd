package io.gureum.language.translation.apertium;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * How a text becomes apertium's stream and back, as {@code apertium -f <format>} does it: a deformatter turns the
 * text into stream chunks (each goes through the pipeline up to its NUL), a reformatter turns the translated chunks
 * into text.
 */
interface StreamFormat {

    /** Deformats a text; close the result when done with it (it may hold a state folder). */
    Deformatted deformat(String text, long deadlineNanos) throws IOException, TimeoutException, InterruptedException;

    /** A deformatted text: its chunks, and the way back. */
    interface Deformatted extends AutoCloseable {
        /** The stream chunks, in order, none with a NUL. */
        List<String> chunks();

        /** The text for the translations of {@link #chunks}, in the same order. */
        String reformat(List<String> translated, long deadlineNanos) throws IOException, TimeoutException, InterruptedException;

        @Override
        void close();
    }

    /** Plain text, in Java ({@link TxtFormat}): one chunk, no process. */
    StreamFormat TXT = (text, deadline) -> new Deformatted() {
        @Override
        public List<String> chunks() {
            return List.of(TxtFormat.deformat(text));
        }

        @Override
        public String reformat(List<String> translated, long deadlineNanos) {
            return TxtFormat.reformat(translated.get(0));
        }

        @Override
        public void close() {}
    };
}
