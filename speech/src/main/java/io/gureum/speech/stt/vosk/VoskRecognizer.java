package io.gureum.speech.stt.vosk;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.UserSuppliedRecognizer;
import io.gureum.speech.stt.Transcript;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@code vosk} engine: Vosk (Kaldi) with word times and confidences, US English. Its model is the pack
 * {@value #PACK}, a Vosk model folder the user puts in the model store (nothing here may download it); until then
 * {@link #transcribe} answers 503 saying what to put in which folder.
 *
 * <p>The model is checked ({@link VoskModelFolder}) and loaded on first use, then shared: Vosk models are
 * thread-safe. Each call gets its own recognizer, which is cheap next to the model and not thread-safe. A folder
 * that is there but unusable gives 503 {@code model_unusable} and is looked at again on the next call.
 */
public final class VoskRecognizer extends UserSuppliedRecognizer {
    public static final String NAME = "vosk";
    public static final String TASK = "speech-vosk";
    public static final String PACK = "vosk-en-us";
    public static final String LANGUAGE = "en-US";
    /** Audio goes to Vosk a quarter second at a time, as its own examples feed it. */
    private static final int CHUNK_BYTES = Audio.SPEECH_RATE / 4 * 2;

    /**
     * Transcriptions hold the read lock, close takes the write lock: freeing the native model while a recognizer
     * still uses it would crash the process.
     */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Loaded on first use, under this object's lock; freed under the write lock. */
    private Model model;
    private boolean closed;

    public VoskRecognizer(ModelStore store) {
        super(store, PACK);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> languages() {
        return installed() ? Set.of(LANGUAGE) : Set.of();
    }

    @Override
    public Transcript transcribe(Audio speech, String language) {
        if (speech.sampleRate() != Audio.SPEECH_RATE) {
            throw new IllegalArgumentException("vosk reads " + Audio.SPEECH_RATE + " Hz audio, not " + speech.sampleRate() + " Hz");
        }
        if (language != null && !language.split("[-_]")[0].equalsIgnoreCase("en")) {
            throw Problem.invalid("The vosk engine's model " + pack.ref() + " transcribes " + LANGUAGE + " only, not '" + language + "'");
        }
        Lock inUse = lifecycle.readLock();
        inUse.lock();
        try {
            return recognize(loaded(), speech.pcm16(), language != null ? language : LANGUAGE);
        } finally {
            inUse.unlock();
        }
    }

    private Transcript recognize(Model vosk, byte[] pcm, String language) {
        List<Transcript.Word> words = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(vosk, Audio.SPEECH_RATE)) {
            recognizer.setWords(true);
            for (int from = 0; from < pcm.length; from += CHUNK_BYTES) {
                byte[] chunk = Arrays.copyOfRange(pcm, from, Math.min(pcm.length, from + CHUNK_BYTES));
                // true: Vosk found the end of an utterance; take its result before it starts the next one
                if (recognizer.acceptWaveForm(chunk, chunk.length)) collect(VoskResult.parse(recognizer.getResult()), words, texts);
            }
            collect(VoskResult.parse(recognizer.getFinalResult()), words, texts);
        } catch (IOException e) {
            throw new IllegalStateException("Vosk could not create a recognizer for " + pack.ref() + ": " + e.getMessage(), e);
        }
        return new Transcript(String.join(" ", texts), words, language);
    }

    private static void collect(VoskResult result, List<Transcript.Word> words, List<String> texts) {
        words.addAll(result.words()); // times are from the start of the recognizer's audio, as Transcript wants
        if (!result.text().isBlank()) texts.add(result.text());
    }

    /** Waits for running transcriptions, then frees the model; later calls fail. */
    @Override
    public void close() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            closed = true;
            if (model != null) model.close();
            model = null;
        } finally {
            exclusive.unlock();
        }
    }

    /** The loaded model, after checking that the pack is in place and its folder looks like a Vosk model. */
    private synchronized Model loaded() {
        if (closed) throw new IllegalStateException("the vosk recognizer is closed");
        if (model != null) return model;
        InstalledModel installed = store.resolve(TASK, Optional.of(new ModelRef(pack.id(), Optional.of(pack.version()))));
        try {
            VoskModelFolder.check(installed.dir());
        } catch (VoskModelFolder.NotAVoskModel e) {
            throw store.unusable(pack, "the folder is not a Vosk model: " + e.getMessage());
        } catch (IOException e) {
            throw store.unusable(pack, "the folder could not be read: " + e.getMessage());
        }
        VoskLibrary.load();
        try {
            model = new Model(installed.dir().toString());
        } catch (IOException e) {
            throw store.unusable(pack, "Vosk could not load it (" + e.getMessage() + "; Kaldi's messages on standard error say why)");
        }
        return model;
    }
}
