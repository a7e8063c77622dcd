package io.gureum.speech.tts.espeak;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.gureum.speech.tts.SpeechSynthesizer;
import io.gureum.speech.tts.Voice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code espeak} engine: eSpeak NG (GPL-3.0-or-later) through its shared library, {@code libespeak-ng.so.1}
 * (Debian {@code libespeak-ng1}), loaded once and kept warm; voices are those espeak_ListVoices reports (100+
 * languages, Korean among them).
 *
 * <p>The library keeps its state (voice, parameters, the synthesis callback) in globals and is not thread-safe,
 * so every call goes through one lock. That costs little: in-process it speaks over 1,000 times faster than real
 * time, and {@link io.gureum.speech.tts.TextToSpeech} holds the lock for one chunk of a few sentences, not a whole
 * text. (The library rather than a pool of {@code espeak-ng} processes: a process per sentence costs about 14 ms
 * before any speech, and a long-lived one has the same global state behind a pipe.)
 *
 * <p>The voice and parameters are set again under the lock for every chunk, so a request's speech does not depend
 * on what ran before, with one exception the API cannot reach: espeak-ng varies the pitch slightly ("flutter")
 * with a phase kept in a static inside its wave generator, carried from call to call and reset by nothing (not
 * even espeak_Initialize), so the same text comes out slightly longer or shorter and not sample-for-sample the
 * same. Measured: 75,244 to 75,698 samples for the same 3.4 s sentence, up to 2% on a short slow one; inaudible.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {
    public static final String NAME = "espeak";

    /** espeak's normal rate in words per minute (espeakRATE_NORMAL), and the range it accepts. */
    private static final int NORMAL_WORDS_PER_MINUTE = 175;
    private static final int MIN_WORDS_PER_MINUTE = 80;
    private static final int MAX_WORDS_PER_MINUTE = 450;
    /**
     * espeak's pitch parameter (0-100, normal 50) is roughly exponential in frequency: measured on en-us, each
     * step raises the base F0 by about 1.03% (50 -> 96 Hz, 75 -> 126 Hz, 90 -> 149 Hz), so a multiplier m is
     * 50 + ln(m) / ln(1.0103) steps; 0-100 spans about 0.6 to 1.7 times normal.
     */
    private static final double LN_PITCH_STEP = Math.log(1.0103);
    private static final int SYNTH_BUFFER_MILLIS = 100;

    private final EspeakLibrary library;
    private final int sampleRate;
    private final Map<String, EspeakVoice> voicesById;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * The synthesis callback, only called under {@link #lock}. This field also keeps it reachable for as long as
     * the library may call it (JNA frees a callback that is collected).
     */
    private final SampleCollector collected = new SampleCollector();
    /** The identifier of the voice espeak has loaded, so that it is only switched when needed; under the lock. */
    private String currentVoice;

    /** A voice and what espeak calls it and knows it speaks. */
    private record EspeakVoice(Voice voice, String identifier, Map<String, Integer> languagePriorities) {}

    /**
     * The process's espeak engine, or empty when the library is not installed or does not start. One per
     * process because the library's state is process-wide.
     */
    public static Optional<EspeakSynthesizer> load() {
        return Loaded.ENGINE;
    }

    private static final class Loaded {
        static final Optional<EspeakSynthesizer> ENGINE = tryLoad();

        private static Optional<EspeakSynthesizer> tryLoad() {
            try {
                return Optional.of(new EspeakSynthesizer(Native.load(EspeakLibrary.SONAME, EspeakLibrary.class)));
            } catch (UnsatisfiedLinkError | IllegalStateException e) {
                return Optional.empty();
            }
        }
    }

    private EspeakSynthesizer(EspeakLibrary library) {
        this.library = library;
        this.sampleRate = library.espeak_Initialize(EspeakLibrary.AUDIO_OUTPUT_SYNCHRONOUS, SYNTH_BUFFER_MILLIS,
                null, EspeakLibrary.INITIALIZE_DONT_EXIT);
        if (sampleRate <= 0) throw new IllegalStateException("espeak_Initialize failed: is espeak-ng-data installed?");
        library.espeak_SetSynthCallback(collected);
        // Set once: nothing changes them later. Volume stays at normal; TextToSpeech scales samples itself.
        library.espeak_SetParameter(EspeakLibrary.VOLUME, 100, 0);
        library.espeak_SetParameter(EspeakLibrary.RANGE, 50, 0);
        library.espeak_SetParameter(EspeakLibrary.PUNCTUATION, 0, 0);
        library.espeak_SetParameter(EspeakLibrary.CAPITALS, 0, 0);
        library.espeak_SetParameter(EspeakLibrary.WORDGAP, 0, 0);
        this.voicesById = listVoices();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Voice> voices() {
        return voicesById.values().stream().map(EspeakVoice::voice).toList();
    }

    /** Voices that list the tag among their languages (espeak's priority order), else its primary language. */
    @Override
    public List<Voice> voicesForLanguage(String languageTag) {
        String tag = languageTag.toLowerCase(Locale.ROOT);
        List<Voice> exact = byPriority(tag);
        return exact.isEmpty() ? byPriority(tag.split("-", 2)[0]) : exact;
    }

    private List<Voice> byPriority(String language) {
        return voicesById.values().stream()
                .filter(v -> v.languagePriorities().containsKey(language))
                .sorted(Comparator.comparingInt(v -> v.languagePriorities().get(language)))
                .map(EspeakVoice::voice).toList();
    }

    @Override
    public short[] synthesize(String text, Voice voice, double rate, double pitch) {
        EspeakVoice espeakVoice = voicesById.get(voice.id());
        if (espeakVoice == null) throw new IllegalArgumentException("not an espeak voice: " + voice.id());
        byte[] utf8 = (text + '\0').getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            if (!espeakVoice.identifier().equals(currentVoice)) {
                currentVoice = null;
                check("espeak_SetVoiceByName", library.espeak_SetVoiceByName(espeakVoice.identifier()));
                currentVoice = espeakVoice.identifier();
            }
            check("espeak_SetParameter", library.espeak_SetParameter(EspeakLibrary.RATE, wordsPerMinute(rate), 0));
            check("espeak_SetParameter", library.espeak_SetParameter(EspeakLibrary.PITCH, pitchParameter(pitch), 0));
            collected.clear();
            check("espeak_Synth", library.espeak_Synth(utf8, new NativeLong(utf8.length), 0,
                    EspeakLibrary.POS_CHARACTER, 0, EspeakLibrary.CHARS_UTF8 | EspeakLibrary.ENDPAUSE, null, null));
            return collected.samples();
        } finally {
            lock.unlock();
        }
    }

    static int wordsPerMinute(double rate) {
        return (int) Math.max(MIN_WORDS_PER_MINUTE, Math.min(MAX_WORDS_PER_MINUTE,
                Math.round(NORMAL_WORDS_PER_MINUTE * rate)));
    }

    static int pitchParameter(double pitch) {
        return (int) Math.max(0, Math.min(100, Math.round(50 + Math.log(pitch) / LN_PITCH_STEP)));
    }

    private static void check(String call, int result) {
        if (result != EspeakLibrary.EE_OK) throw new IllegalStateException(call + " failed with " + result);
    }

    /**
     * Ids are {@code espeak:} and the voice's first language as espeak names it ({@code espeak:ko},
     * {@code espeak:en-us}); the rare second voice of a language gets its file name instead.
     */
    private Map<String, EspeakVoice> listVoices() {
        Map<String, EspeakVoice> voices = new LinkedHashMap<>();
        Pointer list = library.espeak_ListVoices(null);
        Set<String> ids = new HashSet<>();
        for (int i = 0; ; i++) {
            Pointer entry = list.getPointer((long) i * Native.POINTER_SIZE);
            if (entry == null) break;
            EspeakLibrary.VoiceInfo info = new EspeakLibrary.VoiceInfo(entry);
            String identifier = info.identifier.getString(0, "UTF-8");
            Map<String, Integer> languages = languages(info.languages);
            if (languages.isEmpty()) continue;
            String language = languages.keySet().iterator().next();
            String id = NAME + ":" + language;
            if (!ids.add(id)) {
                id = NAME + ":" + identifier.substring(identifier.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (!ids.add(id)) continue;
            }
            Voice voice = new Voice(id, info.name.getString(0, "UTF-8").replace('_', ' ').strip(), bcp47(language),
                    gender(info.gender), NAME, sampleRate);
            voices.put(id, new EspeakVoice(voice, identifier, languages));
        }
        return voices;
    }

    /** espeak_VOICE.languages: each a priority byte then a NUL-terminated name, until a 0 priority. */
    private static Map<String, Integer> languages(Pointer languages) {
        Map<String, Integer> priorities = new LinkedHashMap<>();
        long offset = 0;
        for (int priority = languages.getByte(offset); priority != 0; priority = languages.getByte(offset)) {
            String language = languages.getString(offset + 1, "UTF-8");
            priorities.putIfAbsent(language.toLowerCase(Locale.ROOT), priority & 0xff);
            offset += 1 + language.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return priorities;
    }

    /** espeak's lower-case names in BCP 47 case ({@code en-gb-x-rp} is {@code en-GB-x-rp}). */
    private static String bcp47(String espeakLanguage) {
        String tag = Locale.forLanguageTag(espeakLanguage).toLanguageTag();
        return tag.equalsIgnoreCase(espeakLanguage) ? tag : espeakLanguage; // some (piqd, chr-US-Qaaa-x-west) are not
    }

    private static String gender(byte gender) {
        return switch (gender) {
            case 1 -> Voice.MALE;
            case 2 -> Voice.FEMALE;
            default -> Voice.UNKNOWN;
        };
    }

    /** The synthesis callback: appends what espeak produces to a growing buffer. */
    private static final class SampleCollector implements EspeakLibrary.SynthCallback {
        private short[] samples = new short[1 << 16];
        private int count;

        @Override
        public int invoke(Pointer wav, int numSamples, Pointer events) {
            if (wav != null && numSamples > 0) {
                if (count + numSamples > samples.length) {
                    samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + numSamples));
                }
                wav.read(0, samples, count, numSamples);
                count += numSamples;
            }
            return 0;
        }

        void clear() {
            count = 0;
        }

        short[] samples() {
            return Arrays.copyOf(samples, count);
        }
    }
}
