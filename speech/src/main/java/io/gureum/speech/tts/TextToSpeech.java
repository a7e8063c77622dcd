package io.gureum.speech.tts;

import io.gureum.core.Problem;
import io.gureum.speech.tts.espeak.EspeakSynthesizer;
import io.gureum.speech.tts.flite.FliteSynthesizer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Text-to-speech over the installed engines: what the server's {@code /v1/speech} routes call, usable as a plain
 * library. Thread-safe; one instance serves every request.
 *
 * <p>A request is made into {@link Segment}s (plain text is one; SSML is flattened by {@link SsmlParser}), each
 * segment's text is cut into chunks of whole sentences ({@link Sentences}), and each chunk is spoken and written
 * to the sink before the next is spoken, so the first audio arrives after one chunk and a client that goes away
 * stops the work.
 *
 * <p>The SSML subset: {@code speak} (xml:lang), {@code voice} (name: a voice id or language tag; or xml:lang and
 * gender), {@code prosody} (rate, pitch, volume; see {@link SsmlValues}), {@code break} (time up to 10s,
 * strength), {@code say-as} (interpret-as characters / spell-out / digits), {@code sub} (alias), {@code p} and
 * {@code s}. Every engine gets all of it: the engines only ever see plain text.
 */
public final class TextToSpeech {
    public static final int DEFAULT_MAX_TEXT_LENGTH = 100_000;
    /** The language of a request that names neither a voice nor (in SSML) an xml:lang. */
    public static final String DEFAULT_LANGUAGE = "en-US";

    private final VoiceCatalog voices;
    private final SsmlParser ssmlParser;
    private final int maxTextLength;

    /** The engines installed on this machine, with the default text limit. */
    public static TextToSpeech installed() {
        return installed(DEFAULT_MAX_TEXT_LENGTH);
    }

    /**
     * The engines installed on this machine: flite first, so English gets its clearer voices, then espeak for
     * every other language. With none installed, there are no voices and synthesis answers 503.
     *
     * @param maxTextLength the most characters a request's text (or SSML document) may have
     */
    public static TextToSpeech installed(int maxTextLength) {
        List<SpeechSynthesizer> engines = new ArrayList<>();
        FliteSynthesizer.load().ifPresent(engines::add);
        EspeakSynthesizer.load().ifPresent(engines::add);
        return new TextToSpeech(engines, maxTextLength);
    }

    /** @param engines in order of preference for a language several of them speak */
    public TextToSpeech(List<SpeechSynthesizer> engines, int maxTextLength) {
        if (maxTextLength <= 0) throw new IllegalArgumentException("max text length must be positive: " + maxTextLength);
        this.voices = new VoiceCatalog(engines);
        this.ssmlParser = new SsmlParser(voices);
        this.maxTextLength = maxTextLength;
    }

    /** Every voice of every installed engine. */
    public List<Voice> voices() {
        return voices.all();
    }

    /**
     * A voice by id ({@code espeak:ko}), or a language's default voice by BCP 47 tag ({@code ko}, {@code en-US}).
     *
     * @throws Problem 404 {@code unknown_voice}; 503 {@code engine_not_installed} for a voice of a known engine
     *                 that is not installed
     */
    public Voice voice(String idOrLanguage) {
        return idOrLanguage == null || idOrLanguage.isBlank() ? defaultVoice() : voices.resolve(idOrLanguage);
    }

    /**
     * The sample rate a request for this voice is answered in (its voice's), e.g. for a WAV header written
     * before synthesis starts; {@link PcmSink#start} says it too.
     *
     * @param voice as in {@link SynthesisRequest#voice()}; null for the default voice
     */
    public int sampleRate(String voice) {
        return voice(voice).sampleRate();
    }

    /** The most characters a request's text or SSML document may have. */
    public int maxTextLength() {
        return maxTextLength;
    }

    /**
     * The characters a request is billed for: those of the text it speaks (SSML: the text content, with a
     * {@code sub}'s alias in place of its content; no markup), whitespace runs counted once, a Korean syllable
     * or an emoji as one.
     *
     * @throws Problem as {@link #synthesize} would for an invalid request
     */
    public int billableCharacters(SynthesisRequest request) {
        return script(request).billableCharacters();
    }

    /**
     * Speaks a request into a sink: {@link PcmSink#start} with the sample rate, then the samples chunk by chunk
     * (a few sentences each) as they are spoken.
     *
     * @throws Problem     400 {@code empty_text}, 413 {@code text_too_long}, 422 {@code validation_failed}
     *                     (rate, pitch, volume out of range; both text and SSML), 400 {@code invalid_ssml},
     *                     404 {@code unknown_voice}, 503 {@code engine_not_installed}; all before the sink is
     *                     called
     * @throws IOException from the sink (the client went away); synthesis stops there
     */
    public void synthesize(SynthesisRequest request, PcmSink sink) throws IOException {
        Script script = script(request);
        int sampleRate = script.voice().sampleRate();
        sink.start(sampleRate);
        for (Segment segment : script.segments()) {
            if (segment instanceof Segment.Pause pause) {
                short[] silence = Pcm.silence(pause.millis(), sampleRate);
                sink.write(silence, silence.length);
            } else if (segment instanceof Segment.Speech speech) {
                speak(speech, sampleRate, sink);
            }
        }
    }

    private void speak(Segment.Speech speech, int sampleRate, PcmSink sink) throws IOException {
        Voice voice = speech.voice();
        Prosody prosody = speech.prosody();
        SpeechSynthesizer engine = voices.engineOf(voice);
        for (String chunk : Sentences.chunks(speech.text(), Locale.forLanguageTag(voice.language()))) {
            short[] samples = engine.synthesize(chunk, voice, prosody.rate(), prosody.pitch());
            samples = Pcm.resample(samples, voice.sampleRate(), sampleRate);
            Pcm.scale(samples, prosody.volume());
            if (samples.length > 0) sink.write(samples, samples.length);
        }
    }

    /** Validates a request and makes it ready to speak. */
    private Script script(SynthesisRequest request) {
        if (request.text() != null && request.ssml() != null) {
            throw Problem.invalid("Give either 'text' or 'ssml', not both.");
        }
        String input = request.text() != null ? request.text() : request.ssml();
        if (input == null || input.isBlank()) throw TtsProblems.emptyText();
        if (input.length() > maxTextLength) throw TtsProblems.textTooLong(input.length(), maxTextLength);
        requireWithin("rate", request.rate(), SynthesisRequest.MIN_RATE, SynthesisRequest.MAX_RATE,
                "a multiplier of the voice's normal speaking rate");
        requireWithin("pitch", request.pitch(), SynthesisRequest.MIN_PITCH, SynthesisRequest.MAX_PITCH,
                "a change of the voice's base pitch in percent");
        requireWithin("volume", request.volume(), SynthesisRequest.MIN_VOLUME, SynthesisRequest.MAX_VOLUME,
                "a multiplier of the voice's normal volume");
        Voice requestVoice = request.voice() == null || request.voice().isBlank() ? null : voices.resolve(request.voice());
        Prosody prosody = request.prosody();
        if (request.text() != null) {
            Voice voice = requestVoice != null ? requestVoice : defaultVoice();
            return new Script(voice, List.of(new Segment.Speech(request.text(), voice, prosody)),
                    Texts.codePointsCollapsed(request.text()));
        }
        Script script = ssmlParser.parse(request.ssml(), requestVoice, defaultVoice(), prosody);
        if (script.isEmpty()) throw TtsProblems.emptyText();
        return script;
    }

    private Voice defaultVoice() {
        Optional<Voice> voice = voices.forLanguage(DEFAULT_LANGUAGE, null);
        if (voice.isPresent()) return voice.get();
        List<Voice> all = voices.all();
        if (all.isEmpty()) throw TtsProblems.engineNotInstalled(EspeakSynthesizer.NAME);
        return all.get(0);
    }

    private static void requireWithin(String name, double value, double min, double max, String meaning) {
        if (!(value >= min && value <= max)) {
            throw Problem.invalid("'" + name + "' is " + value + "; it must be from " + format(min) + " to "
                    + format(max) + " (" + meaning + ").");
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
