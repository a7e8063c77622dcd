package io.gureum.speech.stt.whisper;


import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.UserSuppliedRecognizer;
import io.gureum.speech.stt.Transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code whisper} engine: OpenAI's Whisper run by whisper.cpp, multilingual with language detection. Its model
 * is the pack {@value #PACK}, a ggml file the user puts in the model store (nothing here may download it);
 * until then {@link #transcribe} answers 503 saying which file to put in which folder.
 *
 * <p>The model is checked ({@link GgmlModelFile}) and loaded on first use, then shared by all threads. A file that
 * is there but unusable gives 503 {@code model_unusable} with the reason, and is looked at again on the next call,
 * so replacing it needs no restart. The binding gives segment times but no word times, so {@link Transcript#words()}
 * is empty; the text is whisper's, with its casing and punctuation.
 */
public final class WhisperRecognizer extends UserSuppliedRecognizer {
    public static final String NAME = "whisper";
    public static final String TASK = "speech-whisper";
    public static final String PACK = "whisper-base";
    /** The language of a transcript when whisper.cpp did not say what it detected (BCP 47 "undetermined"). */
    static final String UNDETERMINED = "und";
    /** whisper.cpp transcribes nothing from less than a second (and says so in its log); shorter speech is padded with silence. */
    private static final int MIN_SAMPLES = Audio.SPEECH_RATE + Audio.SPEECH_RATE / 20;
    /** A whole segment that only names a non-speech sound, such as "[BLANK_AUDIO]" or "(wind blowing)". */
    private static final Pattern SOUND_ONLY = Pattern.compile("\\s*[\\[(][^\\])]*[\\])]\\s*");

    /** Loaded on first use (under this object's lock); read without it. */
    private volatile WhisperModel model;
    private volatile boolean closed;

    public WhisperRecognizer(ModelStore store) {
        super(store, PACK);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whisper's languages, or English alone for an English-only model; none while the model is not in place. */
    @Override
    public Set<String> languages() {
        WhisperModel loaded = model;
        if (loaded != null) return WhisperLanguages.of(loaded.dimensions());
        Optional<InstalledModel> installed = store.installed(pack);
        if (installed.isEmpty()) return Set.of();
        try {
            return WhisperLanguages.of(GgmlModelFile.readHyperparameters(modelFile(installed.get())));
        } catch (IOException | GgmlModelFile.NotAWhisperModel e) {
            return Set.of(); // transcribe() says what is wrong with it
        }
    }

    @Override
    public Transcript transcribe(Audio speech, String language) {
        if (speech.sampleRate() != Audio.SPEECH_RATE) {
            throw new IllegalArgumentException("whisper reads " + Audio.SPEECH_RATE + " Hz audio, not " + speech.sampleRate() + " Hz");
        }
        WhisperModel whisper = loaded();
        String whisperLanguage = language != null ? WhisperLanguages.toWhisper(language, whisper.dimensions())
                : whisper.dimensions().multilingual() ? null : "en"; // null: whisper.cpp detects it
        if (speech.samples().length == 0) return new Transcript("", List.of(), language != null ? language : UNDETERMINED);

        float[] samples = speech.samples().length >= MIN_SAMPLES ? speech.samples() : Arrays.copyOf(speech.samples(), MIN_SAMPLES);
        WhisperModel.Decoded decoded = whisper.decode(samples, whisperLanguage);
        StringBuilder text = new StringBuilder();
        for (WhisperModel.Segment segment : decoded.segments()) {
            if (!SOUND_ONLY.matcher(segment.text()).matches()) text.append(segment.text());
        }
        String heard = language != null ? language
                : whisperLanguage != null ? whisperLanguage
                : decoded.detectedLanguage() != null ? WhisperLanguages.toBcp47(decoded.detectedLanguage()) : UNDETERMINED;
        return new Transcript(text.toString().strip(), List.of(), heard);
    }

    /** Waits for running transcriptions, then frees the model; later calls fail. */
    @Override
    public synchronized void close() {
        closed = true;
        if (model != null) model.close();
        model = null;
    }

    /** The loaded model, after checking that the pack is in place and its file is a whisper.cpp model. */
    private WhisperModel loaded() {
        WhisperModel loaded = model;
        return loaded != null ? loaded : load();
    }

    private synchronized WhisperModel load() {
        if (closed) throw new IllegalStateException("the whisper recognizer is closed");
        if (model != null) return model;
        InstalledModel installed = store.resolve(TASK, Optional.of(new ModelRef(pack.id(), Optional.of(pack.version()))));
        Path file = modelFile(installed);
        try {
            model = WhisperModel.open(file, GgmlModelFile.check(file));
        } catch (GgmlModelFile.NotAWhisperModel e) {
            throw store.unusable(pack, file.getFileName() + " is not a whisper.cpp model: " + e.getMessage());
        } catch (IOException e) {
            throw store.unusable(pack, file.getFileName() + " could not be loaded: " + e.getMessage());
        }
        return model;
    }

    private Path modelFile(InstalledModel installed) {
        return installed.file(pack.files().get(0).path());
    }
}
