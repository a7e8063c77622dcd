package io.gureum.speech.tts.flite;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.gureum.speech.tts.SpeechSynthesizer;
import io.gureum.speech.tts.Voice;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code flite} engine: CMU Flite (BSD-like licence), clearer US English than espeak, through its shared
 * libraries (Debian {@code libflite1}: {@code libflite.so.1} and one library per voice), loaded once and kept warm.
 *
 * <p>Why the library and not the {@code flite} program: the program has no persistent mode and loads its voice
 * on every run, about 10 ms per sentence before any speech (measured: 27 ms for a 1.7 s sentence with slt, 10 ms
 * with kal16), while {@code flite_text_to_wave} on a voice loaded once costs only the synthesis: slt, the
 * slowest voice, speaks about 100 times faster than real time in-process, kal16 over 1,000 times.
 *
 * <p>Flite's voices share process-wide lexicon and language state and read their settings from the voice object,
 * so one lock serialises every call, and the settings (rate, pitch) are set again under it for every chunk.
 * The clustergen voices (slt, rms, awb) take the noise of unvoiced sounds from the C library's rand(), so the
 * generator is seeded the same way before every chunk: the same text then gives the same samples (espeak does
 * not call rand(); another native library calling it at the same moment would only change that noise).
 */
public final class FliteSynthesizer implements SpeechSynthesizer {
    public static final String NAME = "flite";
    private static final String LANGUAGE = "en-US";

    /** The voices Debian's libflite1 ships, best first: slt and rms are the clearest, kal is 8 kHz. */
    private static final List<VoiceSpec> VOICES = List.of(
            new VoiceSpec("slt", "cmu_us_slt", "SLT (US English)", Voice.FEMALE),
            new VoiceSpec("rms", "cmu_us_rms", "RMS (US English)", Voice.MALE),
            new VoiceSpec("awb", "cmu_us_awb", "AWB (English, Scottish accent)", Voice.MALE),
            new VoiceSpec("kal16", "cmu_us_kal16", "KAL (US English, 16 kHz)", Voice.MALE),
            new VoiceSpec("kal", "cmu_us_kal", "KAL (US English, 8 kHz)", Voice.MALE));

    private static final int NOISE_SEED = 1;
    /** Feature names for the life of the process, as flite keeps pointers to them. */
    private static final Memory DURATION_STRETCH = nativeString("duration_stretch");
    private static final Memory F0_SHIFT = nativeString("f0_shift");

    private final FliteLibrary library;
    private final FliteLibrary.C libc;
    private final Map<String, LoadedVoice> voicesById = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    private record VoiceSpec(String name, String library, String displayName, String gender) {}

    /**
     * @param library         held so that JNA never unloads it: the voice's data lives in it
     * @param features        the cst_features of the loaded cst_voice, where its rate and pitch are set
     * @param durationStretch the voice's own (kal's is 1.1), which a rate divides
     */
    private record LoadedVoice(Voice voice, NativeLibrary library, Pointer handle, Pointer features,
                               float durationStretch) {}

    /**
     * The process's flite engine with whichever voices load, or empty when the library (or every voice) is
     * missing. One per process because flite's state is process-wide.
     */
    public static Optional<FliteSynthesizer> load() {
        return Loaded.ENGINE;
    }

    private static final class Loaded {
        static final Optional<FliteSynthesizer> ENGINE = tryLoad();

        private static Optional<FliteSynthesizer> tryLoad() {
            try {
                FliteSynthesizer engine = new FliteSynthesizer(Native.load(FliteLibrary.SONAME, FliteLibrary.class),
                        Native.load(FliteLibrary.C.NAME, FliteLibrary.C.class));
                return engine.voicesById.isEmpty() ? Optional.empty() : Optional.of(engine);
            } catch (UnsatisfiedLinkError e) {
                return Optional.empty();
            }
        }
    }

    private FliteSynthesizer(FliteLibrary library, FliteLibrary.C libc) {
        this.library = library;
        this.libc = libc;
        library.flite_init();
        for (VoiceSpec spec : VOICES) {
            NativeLibrary voiceLibrary;
            Pointer handle;
            try {
                voiceLibrary = NativeLibrary.getInstance("libflite_" + spec.library() + ".so.1");
                handle = voiceLibrary.getFunction("register_" + spec.library()).invokePointer(new Object[] {null});
            } catch (UnsatisfiedLinkError e) {
                continue; // that voice is not installed; the others still are
            }
            if (handle == null) continue;
            Pointer features = new FliteLibrary.VoiceHead(handle).features;
            float durationStretch = library.get_param_float(features, "duration_stretch", 1);
            // The sample rate is the voice's own: ask it by speaking a word.
            int sampleRate = speak("Hello.", handle, features, durationStretch, 1).sampleRate();
            String id = NAME + ":" + spec.name();
            voicesById.put(id, new LoadedVoice(
                    new Voice(id, spec.displayName(), LANGUAGE, spec.gender(), NAME, sampleRate),
                    voiceLibrary, handle, features, durationStretch));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Voice> voices() {
        return voicesById.values().stream().map(LoadedVoice::voice).toList();
    }

    /** All its voices speak English (US), so any English tag gets them. */
    @Override
    public List<Voice> voicesForLanguage(String languageTag) {
        return languageTag.toLowerCase(Locale.ROOT).split("-", 2)[0].equals("en") ? voices() : List.of();
    }

    @Override
    public short[] synthesize(String text, Voice voice, double rate, double pitch) {
        LoadedVoice loaded = voicesById.get(voice.id());
        if (loaded == null) throw new IllegalArgumentException("not a flite voice: " + voice.id());
        return speak(text, loaded.handle(), loaded.features(), loaded.durationStretch() / rate, pitch).samples();
    }

    private record Spoken(short[] samples, int sampleRate) {}

    private Spoken speak(String text, Pointer voice, Pointer features, double durationStretch, double pitch) {
        byte[] ascii = (asciiFolded(text) + '\0').getBytes(StandardCharsets.US_ASCII);
        lock.lock();
        try {
            library.feat_set_float(features, DURATION_STRETCH, (float) durationStretch);
            library.feat_set_float(features, F0_SHIFT, (float) pitch);
            libc.srand(NOISE_SEED);
            Pointer wave = library.flite_text_to_wave(ascii, voice);
            if (wave == null) throw new IllegalStateException("flite_text_to_wave failed");
            try {
                FliteLibrary.Wave w = new FliteLibrary.Wave(wave);
                short[] samples = w.num_samples > 0 ? w.samples.getShortArray(0, w.num_samples) : new short[0];
                return new Spoken(samples, w.sample_rate);
            } finally {
                library.delete_wave(wave);
            }
        } finally {
            lock.unlock();
        }
    }

    private static Memory nativeString(String ascii) {
        Memory memory = new Memory(ascii.length() + 1);
        memory.setString(0, ascii, StandardCharsets.US_ASCII.name());
        return memory;
    }

    /**
     * Flite reads ASCII: accents are dropped ("café" is "cafe"), typographic quotes and dashes become their ASCII
     * forms, and any other character a space.
     */
    static String asciiFolded(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[\u2018\u2019\u201B\u2032]", "'")
                .replaceAll("[\u201C\u201D\u201F\u2033]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-")
                .replace('\u2044', '/');
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.chars().forEach(c -> out.append(c < 128 ? (char) c : ' '));
        return out.toString();
    }
}
