package io.gureum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.bench.SpeechReport.Published;
import io.gureum.bench.SpeechReport.SttItem;
import io.gureum.bench.SpeechReport.SttSide;
import io.gureum.bench.SpeechReport.TtsItem;
import io.gureum.bench.SpeechReport.TtsSide;
import io.gureum.core.GureumHome;
import io.gureum.core.Problem;
import io.gureum.core.SharedData;
import io.gureum.core.TextDistance;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.AudioDecoder;
import io.gureum.speech.audio.WavWriter;
import io.gureum.speech.stt.ReferenceTranscripts;
import io.gureum.speech.stt.ReferenceTranscripts.Utterance;
import io.gureum.speech.stt.Transcriber;
import io.gureum.speech.stt.TranscriptNormalizer;
import io.gureum.speech.stt.TranscriptionOptions;
import io.gureum.speech.stt.sphinx.SphinxRecognizer;
import io.gureum.speech.tts.PcmSink;
import io.gureum.speech.tts.SynthesisRequest;
import io.gureum.speech.tts.TextToSpeech;
import io.gureum.speech.tts.Voice;
import io.gureum.speech.vad.VoiceActivityDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code gureum bench speech}: speech-to-text and text-to-speech, Gureum beside the command lines of the same
 * engines' C originals, in one run.
 *
 * <p>Speech-to-text: the five LibriVox utterances that pocketsphinx tests itself with (shared data,
 * {@code speech/pocketsphinx_librivox}), one by one and joined into one recording with silence between (which takes
 * the path a long upload takes: voice activity detection, then the segments decoded in parallel). Gureum's side is
 * the {@link Transcriber} in-process, warm (a warm-up pass first, as a server is), from the WAV's bytes; the peer is
 * {@code pocketsphinx_continuous}, a process per file. Per recording: the median wall time of the measured rounds;
 * RTF is the medians summed over the audio's seconds; WER counts the first round's words.
 *
 * <p>Text-to-speech: a short sentence and a ~2,000-character text in the espeak-ng US English voice; Gureum's
 * {@link TextToSpeech} in-process and over HTTP ({@code POST /v1/speech/synthesize} on a server in a child JVM), beside
 * the {@code espeak-ng} command line. Per side and text: the medians of the time to the first audio byte, to the
 * first 4 KiB and to the end, and RTF.
 */
@Command(name = "speech", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Speech-to-text real-time factor (RTF) and word error rate (WER) of Gureum's transcriber beside the "
                + "pocketsphinx command line, on pocketsphinx's LibriVox test utterances; text-to-speech RTF and time to the "
                + "first audio byte of Gureum (in-process and over HTTP) beside the espeak-ng command line. One run, medians "
                + "and ratios side by side.",
                "Needs the shared data (GUREUM_SHARED_DATA, or shared/data beside the repository), the models "
                        + "(./gureum models install sphinx-en-us silero-vad), and for the peers "
                        + SpeechPocketsphinx.INSTALL + " espeak-ng (a missing peer is reported as skipped)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (a side that cannot run is reported as skipped)", "2:could not measure"})
final class SpeechBench implements Callable<Integer> {
    static final String DATA = "speech/pocketsphinx_librivox";

    @Option(names = "--runs", description = "measured rounds of speech-to-text per side and recording; the median is reported (default: ${DEFAULT-VALUE})")
    int runs = 3;
    @Option(names = "--warm-up", description = "unmeasured speech-to-text rounds before them (default: ${DEFAULT-VALUE})")
    int warmUp = 1;
    @Option(names = "--tts-runs", description = "measured text-to-speech runs per side and text (default: ${DEFAULT-VALUE})")
    int ttsRuns = 15;
    @Option(names = "--tts-warm-up", description = "unmeasured text-to-speech runs before them (default: ${DEFAULT-VALUE})")
    int ttsWarmUp = 5;
    @Option(names = {"-t", "--threads"}, description = "Gureum's transcriber: segments decoded at once and Sphinx decoders kept "
            + "(default: all cores, as the server runs it)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--gap", description = "seconds of silence between the utterances of the joined recording (default: ${DEFAULT-VALUE})")
    double gapSeconds = 1.0;
    @Option(names = "--voice", description = "the espeak voice of both sides, as Gureum names it (default: ${DEFAULT-VALUE}; the CLI gets what follows 'espeak:')")
    String voice = "espeak:en-us";
    @Option(names = "--only", description = "stt or tts: run one half only")
    String only;
    @Option(names = "--data", description = "the folder of the utterances, their transcription and test-lm.match (default: "
            + DATA + " in the shared data)")
    Path dataDir;
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--server-jar", description = "default: server/target/gureum-server.jar beside this bench's module")
    Path serverJar;
    @Option(names = "--pocketsphinx", description = "the pocketsphinx_continuous executable (default: ${DEFAULT-VALUE} on the PATH)")
    String pocketsphinx = SpeechPocketsphinx.EXECUTABLE;
    @Option(names = "--espeak-ng", description = "the espeak-ng executable (default: ${DEFAULT-VALUE} on the PATH)")
    String espeakNg = SpeechEspeakCli.EXECUTABLE;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/speech-bench.json)")
    Path jsonFile;

    /** A recording to transcribe: its file (the peer reads it) and what was said. */
    private record Recording(String id, Path wav, double audioSeconds, String reference) {}

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || ttsRuns < 1) throw new BenchException("--runs and --tts-runs must be at least 1");
        if (warmUp < 0 || ttsWarmUp < 0) throw new BenchException("--warm-up and --tts-warm-up must be 0 or more");
        if (threads < 1) throw new BenchException("--threads must be at least 1");
        if (only != null && !only.equals("stt") && !only.equals("tts")) throw new BenchException("--only is stt or tts");
        Path models = modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models();

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("threads", threads);
        setup.put("sttRuns", runs);
        setup.put("sttWarmUp", warmUp);
        setup.put("ttsRuns", ttsRuns);
        setup.put("ttsWarmUp", ttsWarmUp);
        setup.put("voice", voice);
        setup.put("models", models.toString());
        System.out.println("gureum bench speech: speech-to-text beside pocketsphinx, text-to-speech beside espeak-ng, one run");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s%n", setup.get("java"));

        Path work = Files.createTempDirectory("gureum-bench-speech-");
        List<SttSide> stt = new ArrayList<>();
        Published published = null;
        List<TtsSide> tts = new ArrayList<>();
        try {
            if (!"tts".equals(only)) {
                Path data = dataDir != null ? dataDir : SharedData.resolve(DATA);
                setup.put("sttData", data.toString());
                if (!Files.isRegularFile(data.resolve("transcription"))) {
                    String why = "no " + data.resolve("transcription") + " (set GUREUM_SHARED_DATA to the folder holding " + DATA + ", or --data)";
                    stt.add(SttSide.skipped(SpeechReport.GUREUM_STT, "gureum sphinx", why));
                    stt.add(SttSide.skipped(SpeechReport.POCKETSPHINX, SpeechPocketsphinx.EXECUTABLE, why));
                } else {
                    List<Recording> recordings = recordings(data, work);
                    System.out.printf(Locale.ROOT, "  speech:  %s: %d utterances, %.1f s; joined with %.1f s of silence between: %.1f s%n",
                            data, recordings.size() - 1, recordings.subList(0, recordings.size() - 1).stream().mapToDouble(Recording::audioSeconds).sum(),
                            gapSeconds, recordings.get(recordings.size() - 1).audioSeconds());
                    System.out.printf(Locale.ROOT, "  timing:  %d warm-up + %d measured rounds, each running both sides in turn (median per recording)%n", warmUp, runs);
                    List<SttContender> contenders = new ArrayList<>();
                    try {
                        contenders.add(gureumStt(new ModelStore(models, ModelCatalog.builtIn())));
                        contenders.add(pocketsphinxStt(work));
                        System.out.println();
                        stt.addAll(measureStt(contenders, recordings));
                    } finally {
                        contenders.forEach(c -> close(c.closer()));
                    }
                    published = published(data, recordings);
                }
                System.out.println();
            }
            if (!"stt".equals(only)) {
                System.out.printf(Locale.ROOT, "  voice:   %s; %d warm-up + %d measured runs per side and text, the sides in turn (median)%n", voice, ttsWarmUp, ttsRuns);
                List<TtsContender> contenders = new ArrayList<>();
                try {
                    contenders.add(gureumTts());
                    contenders.add(espeakCliTts());
                    contenders.add(httpTts(models, work));
                    System.out.println();
                    tts.addAll(measureTts(contenders));
                } finally {
                    contenders.forEach(c -> close(c.closer()));
                }
                System.out.println();
            }
        } finally {
            HttpBench.deleteTree(work);
        }

        SpeechReport report = new SpeechReport(setup, stt, published, tts);
        System.out.print(report.table());
        System.out.println();
        for (String note : notes()) System.out.println("  " + note);
        Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("speech-bench.json");
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toMap());
        System.out.println("\n  results written to " + json);
        return 0;
    }

    private List<String> notes() {
        return List.of(
                "RTF: processing seconds over audio seconds (0.01 = 100× faster than real time). STT: the recordings' median "
                        + "wall times summed over their audio; TTS: median wall time to the end over the audio's length.",
                "best: the fastest round's times instead of the median, what the machine does in a quiet moment when other "
                        + "processes share it.",
                "CPU RTF: CPU seconds (all threads of the process) over audio seconds: the work, which other processes on the "
                        + "machine change less than the wall time.",
                "gureum STT: Transcriber in-process and warm (decode the WAV bytes, resample, voice activity detection, Sphinx4 "
                        + "decoders on " + threads + " threads); pocketsphinx_continuous: one process per file, start to exit, "
                        + "single-threaded, loading its models every time (the 'without' row takes its load probe off).",
                "WER: word errors over the reference's words after the same normalisation of both (lower case, no punctuation, "
                        + "'mr' as 'mister'); pocketsphinx's published result is its own test-lm.match against the same reference.",
                "TTS first audio: the first byte past the WAV header (Gureum writes the header before it speaks); first 4 KiB: "
                        + "header and audio, what a player buffers; in-process, the first samples handed to the sink and the "
                        + "same byte counts as if they were a WAV. HTTP: one client, a kept-alive connection, a key with the "
                        + "text-to-speech scope (auth, metering); espeak-ng: a process per text, from its start.");
    }

    // ---------------------------------------------------------------- speech-to-text

    /** The utterances, then all of them joined (written beside the others so that the peer can read it). */
    private List<Recording> recordings(Path data, Path work) throws IOException {
        AudioDecoder decoder = new AudioDecoder();
        List<Recording> out = new ArrayList<>();
        List<Audio> clips = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (Utterance u : ReferenceTranscripts.read(data)) {
            Audio audio = decoder.decode(Files.readAllBytes(u.wav()), "audio/wav");
            if (audio.sampleRate() != Audio.SPEECH_RATE) {
                throw new BenchException(u.wav() + " is " + audio.sampleRate() + " Hz; pocketsphinx reads 16 kHz files only");
            }
            clips.add(audio);
            references.add(u.text());
            out.add(new Recording(u.id(), u.wav(), audio.seconds(), u.text()));
        }
        Audio joined = joined(clips, gapSeconds);
        Path joinedWav = work.resolve("joined.wav");
        Files.write(joinedWav, WavWriter.wav(joined));
        out.add(new Recording("joined", joinedWav, joined.seconds(), String.join(" ", references)));
        return out;
    }

    /** The clips one after another, {@code gap} seconds of silence between them. */
    static Audio joined(List<Audio> clips, double gap) {
        int rate = clips.get(0).sampleRate();
        int gapSamples = (int) Math.round(gap * rate);
        int length = clips.stream().mapToInt(c -> c.samples().length).sum() + gapSamples * (clips.size() - 1);
        float[] samples = new float[length];
        int at = 0;
        for (Audio c : clips) {
            System.arraycopy(c.samples(), 0, samples, at, c.samples().length);
            at += c.samples().length + gapSamples;
        }
        return new Audio(samples, rate);
    }

    /**
     * A side under test: how it transcribes a recording, how its load is probed (null: nothing to probe), what to
     * close after; or why it cannot run.
     */
    private record SttContender(String id, String label, Map<String, Object> settings, Transcribe transcribe, LoadProbe probe,
                                LongSupplier cpuNanos, AutoCloseable closer, String skipped) {
        static SttContender skipped(String id, String label, String why) {
            System.out.printf(Locale.ROOT, "  %s: skipped: %s%n", label, why);
            return new SttContender(id, label, Map.of(), null, null, () -> -1, () -> {}, why);
        }
    }

    private interface Transcribe {
        String text(Recording r) throws IOException;
    }

    private interface LoadProbe {
        double seconds() throws IOException;
    }

    private SttContender gureumStt(ModelStore store) {
        String id = SpeechReport.GUREUM_STT;
        String label = "gureum sphinx (in-process, " + threads + " threads)";
        SphinxRecognizer sphinx = new SphinxRecognizer(() -> store.resolve(SphinxRecognizer.TASK, Optional.empty()), threads);
        Transcriber transcriber = new Transcriber(List.of(sphinx), VoiceActivityDetector.fromStore(store), threads);
        AutoCloseable closer = () -> {
            transcriber.close();
            sphinx.close();
        };
        try {
            if (!sphinx.installed()) throw sphinx.notInstalled();
            transcriber.vad();
        } catch (Problem notInstalled) {
            close(closer);
            return SttContender.skipped(id, label, notInstalled.detail());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("call", "Transcriber.transcribe(AudioDecoder.decode(wav bytes), defaults): resample, VAD, Sphinx4 per segment");
        settings.put("threads", threads);
        settings.put("model", sphinx.model());
        settings.put("vad", transcriber.vad().model());
        System.out.printf(Locale.ROOT, "  %s: %s, VAD %s%n", label, sphinx.model(), transcriber.vad().model());
        AudioDecoder decoder = new AudioDecoder();
        Transcribe transcribe = r -> transcriber.transcribe(decoder.decode(Files.readAllBytes(r.wav()), "audio/wav"),
                TranscriptionOptions.DEFAULTS, Transcriber.Progress.NONE).text();
        // this JVM's CPU: the decoder threads, and the JIT and GC working for them
        return new SttContender(id, label, settings, transcribe, null, MachineCpu::processNanos, closer, null);
    }

    private SttContender pocketsphinxStt(Path work) throws IOException {
        String id = SpeechReport.POCKETSPHINX;
        SpeechPocketsphinx cli = new SpeechPocketsphinx(pocketsphinx);
        String label = SpeechPocketsphinx.EXECUTABLE + " (a process per file)";
        Path probe = work.resolve("silence.wav");
        Files.write(probe, WavWriter.wav(new short[(int) (SpeechPocketsphinx.LOAD_PROBE_SECONDS * Audio.SPEECH_RATE)], Audio.SPEECH_RATE));
        try {
            cli.run(probe);
        } catch (IOException e) {
            return SttContender.skipped(id, label, "cannot run " + pocketsphinx + " (" + SpeechPocketsphinx.INSTALL + "): " + e.getMessage());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", cli.name());
        settings.put("command", String.join(" ", SpeechPocketsphinx.command(pocketsphinx, Path.of("FILE"))));
        settings.put("models", "pocketsphinx-en-us " + Optional.ofNullable(SpeechPocketsphinx.debianVersion("pocketsphinx-en-us")).orElse("?"));
        settings.put("loadProbe", SpeechPocketsphinx.LOAD_PROBE_SECONDS + " s of silence");
        System.out.printf(Locale.ROOT, "  %s: %s%n", label, cli.name());
        // the CPU of exited, waited-for children: each run's process
        return new SttContender(id, label, settings, r -> cli.run(r.wav()).words(), () -> cli.run(probe).seconds(),
                MachineCpu::childrenNanos, () -> {}, null);
    }

    /**
     * Warm-up rounds, then measured rounds; each round runs every side over every recording (and its load probe),
     * the sides taking turns to go first, so that a slow stretch of a busy machine falls on both alike.
     */
    private List<SttSide> measureStt(List<SttContender> contenders, List<Recording> recordings) {
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, List<List<Double>>> seconds = new LinkedHashMap<>();
        Map<String, List<List<Double>>> cpuSeconds = new LinkedHashMap<>();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        Map<String, List<Double>> load = new LinkedHashMap<>();
        Map<String, CpuShare> cpu = new LinkedHashMap<>();
        List<SttContender> live = contenders.stream().filter(c -> c.skipped() == null).toList();
        for (SttContender c : live) {
            seconds.put(c.id(), new ArrayList<>());
            cpuSeconds.put(c.id(), new ArrayList<>());
            for (int i = 0; i < recordings.size(); i++) {
                seconds.get(c.id()).add(new ArrayList<>());
                cpuSeconds.get(c.id()).add(new ArrayList<>());
            }
            texts.put(c.id(), new ArrayList<>());
            load.put(c.id(), new ArrayList<>());
            cpu.put(c.id(), new CpuShare(() -> 0));
        }
        for (int round = -warmUp; round < runs; round++) {
            boolean measured = round >= 0;
            List<SttContender> order = new ArrayList<>(live);
            if (Math.floorMod(round, 2) == 1) Collections.reverse(order);
            for (SttContender c : order) {
                if (failed.containsKey(c.id())) continue;
                try {
                    if (measured) cpu.get(c.id()).begin();
                    if (c.probe() != null) {
                        double probe = c.probe().seconds();
                        if (measured) load.get(c.id()).add(probe);
                    }
                    for (int i = 0; i < recordings.size(); i++) {
                        long cpu0 = c.cpuNanos().getAsLong();
                        long t0 = System.nanoTime();
                        String text = c.transcribe().text(recordings.get(i));
                        double took = (System.nanoTime() - t0) / 1e9;
                        long cpu1 = c.cpuNanos().getAsLong();
                        if (measured) {
                            seconds.get(c.id()).get(i).add(took);
                            cpuSeconds.get(c.id()).get(i).add(cpu0 < 0 || cpu1 < 0 ? Double.NaN : (cpu1 - cpu0) / 1e9);
                        }
                        if (round == 0) texts.get(c.id()).add(text);
                    }
                    if (measured) cpu.get(c.id()).end();
                } catch (IOException | RuntimeException e) {
                    failed.put(c.id(), "failed: " + e.getMessage());
                }
            }
        }
        List<SttSide> sides = new ArrayList<>();
        for (SttContender c : contenders) {
            String why = c.skipped() != null ? c.skipped() : failed.get(c.id());
            if (why != null) {
                sides.add(SttSide.skipped(c.id(), c.label(), why));
                continue;
            }
            System.out.printf(Locale.ROOT, "  %s%n", c.label());
            List<SttItem> items = new ArrayList<>();
            for (int i = 0; i < recordings.size(); i++) {
                Recording r = recordings.get(i);
                SttItem item = new SttItem(r.id(), r.audioSeconds(), r.reference(), texts.get(c.id()).get(i), seconds.get(c.id()).get(i),
                        cpuSeconds.get(c.id()).get(i));
                items.add(item);
                System.out.printf(Locale.ROOT, "    %-42s %5.1f s  WER %-14s %6.3f s  RTF %.3f  CPU %6.3f s%n", r.id(), r.audioSeconds(),
                        SpeechReport.wer(item.errors(), item.words()), item.medianSeconds(), item.medianSeconds() / r.audioSeconds(),
                        item.medianCpuSeconds());
            }
            List<Double> probes = load.get(c.id());
            if (!probes.isEmpty()) System.out.printf(Locale.ROOT, "    %-42s %5.1f s  %-18s %6.3f s%n", "load probe (silence)",
                    SpeechPocketsphinx.LOAD_PROBE_SECONDS, "", OcrReport.median(probes));
            double others = cpu.get(c.id()).otherCores();
            printOthers(others);
            sides.add(new SttSide(c.id(), c.label(), c.settings(), items.subList(0, items.size() - 1), items.get(items.size() - 1),
                    probes, others, null));
        }
        return sides;
    }

    /** Pocketsphinx's own output on these files (test-lm.match), scored as the runs are; null without the file. */
    private static Published published(Path data, List<Recording> recordings) throws IOException {
        Path match = data.resolve("test-lm.match");
        if (!Files.isRegularFile(match)) return null;
        Map<String, String> byId = SpeechPocketsphinx.parseMatch(Files.readAllLines(match));
        int errors = 0;
        int words = 0;
        for (Recording r : recordings) {
            if (r.id().equals("joined")) continue;
            String ref = TranscriptNormalizer.normalize(r.reference());
            errors += TextDistance.wordErrors(ref, TranscriptNormalizer.normalize(byId.getOrDefault(r.id(), "")));
            words += TextDistance.wordCount(ref);
        }
        return new Published(errors, words);
    }

    // ---------------------------------------------------------------- text-to-speech

    private interface Speak {
        SpeechWav.Timed speak(String text) throws IOException;
    }

    /** A text-to-speech side: how it speaks a text, the CPU of its server (when it has one), what to close; or why it cannot run. */
    private record TtsContender(String id, String label, Map<String, Object> settings, Speak speak, LongSupplier serverCpu,
                                AutoCloseable closer, String skipped) {
        static TtsContender skipped(String id, String label, String why) {
            System.out.printf(Locale.ROOT, "  %s: skipped: %s%n", label, why);
            return new TtsContender(id, label, Map.of(), null, () -> 0, () -> {}, why);
        }
    }

    private TtsContender gureumTts() {
        String id = SpeechReport.GUREUM_TTS;
        String label = "gureum in-process (TextToSpeech)";
        TextToSpeech tts = TextToSpeech.installed();
        Voice v;
        try {
            v = tts.voice(voice);
        } catch (Problem p) {
            return TtsContender.skipped(id, label, p.detail());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("call", "TextToSpeech.installed().synthesize(SynthesisRequest.ofText(text, voice), sink)");
        settings.put("voice", v.id() + " (" + v.sampleRate() + " Hz)");
        System.out.printf(Locale.ROOT, "  %s: %s%n", label, settings.get("voice"));
        return new TtsContender(id, label, settings, text -> inProcess(tts, text), () -> 0, () -> {}, null);
    }

    /** One in-process synthesis, timed as if its samples were written as a WAV: first samples, first 4 KiB, return. */
    private SpeechWav.Timed inProcess(TextToSpeech tts, String text) throws IOException {
        long start = System.nanoTime();
        long[] firstAudio = {-1};
        long[] firstBytes = {-1};
        long[] samples = {0};
        int[] rate = {0};
        tts.synthesize(SynthesisRequest.ofText(text, voice), new PcmSink() {
            @Override
            public void start(int sampleRate) {
                rate[0] = sampleRate;
            }

            @Override
            public void write(short[] chunk, int count) {
                long now = System.nanoTime();
                if (firstAudio[0] < 0) firstAudio[0] = now;
                samples[0] += count;
                if (firstBytes[0] < 0 && WavWriter.HEADER_BYTES + 2 * samples[0] >= SpeechWav.FIRST_BYTES) firstBytes[0] = now;
            }
        });
        long end = System.nanoTime();
        if (firstAudio[0] < 0) firstAudio[0] = end;
        if (firstBytes[0] < 0) firstBytes[0] = end;
        return new SpeechWav.Timed((firstAudio[0] - start) / 1e9, (firstBytes[0] - start) / 1e9, (end - start) / 1e9,
                WavWriter.HEADER_BYTES + 2 * samples[0], samples[0] / (double) rate[0]);
    }

    private TtsContender espeakCliTts() {
        String id = SpeechReport.ESPEAK_CLI;
        String label = "espeak-ng command line";
        SpeechEspeakCli cli = new SpeechEspeakCli(espeakNg);
        String version = cli.version();
        if (version == null) return TtsContender.skipped(id, label, "cannot run " + espeakNg + " (" + SpeechEspeakCli.INSTALL + ")");
        String cliVoice = voice.startsWith("espeak:") ? voice.substring("espeak:".length()) : voice;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", version);
        settings.put("command", String.join(" ", SpeechEspeakCli.command(espeakNg, cliVoice, "TEXT")));
        settings.put("process", "one per text, timed from its start; stdout read as it comes");
        System.out.printf(Locale.ROOT, "  %s: %s%n", label, version);
        return new TtsContender(id, label, settings, text -> cli.speak(cliVoice, text), () -> 0, () -> {}, null);
    }

    private TtsContender httpTts(Path models, Path work) throws IOException {
        String id = SpeechReport.GUREUM_HTTP;
        String label = "gureum over HTTP (POST /v1/speech/synthesize)";
        Path jar = serverJar != null ? serverJar : HttpBench.defaultServerJar();
        if (!Files.isRegularFile(jar)) return TtsContender.skipped(id, label, "no server jar at " + jar + " (./gureum bench builds it)");
        List<String> jvm = serverJvmOptions();
        System.out.printf(Locale.ROOT, "  %s: starting the server in a child JVM (%s)%n", label, String.join(" ", jvm));
        SpeechServer server;
        try {
            server = SpeechServer.start(jar, models, jvm, Files.createDirectories(work.resolve("server")));
        } catch (BenchException e) {
            return TtsContender.skipped(id, label, "the server did not start: " + e.getMessage());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("request", "POST /v1/speech/synthesize {text, voice, format: wav}, Bearer key with scope text-to-speech");
        settings.put("client", "java.net.http, HTTP/1.1, one kept-alive connection, BodyHandlers.ofInputStream");
        settings.put("serverJvmOptions", String.join(" ", jvm));
        return new TtsContender(id, label, settings, text -> server.synthesize(text, voice), server::cpuNanos, server, null);
    }

    /**
     * Per text: warm-up runs of every side, then the measured runs, the sides taking turns in a rotating order, so
     * that a busy stretch of the machine falls on all of them alike.
     */
    private List<TtsSide> measureTts(List<TtsContender> contenders) {
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, List<TtsItem>> items = new LinkedHashMap<>();
        Map<String, CpuShare> cpu = new LinkedHashMap<>();
        List<TtsContender> live = contenders.stream().filter(c -> c.skipped() == null).toList();
        for (TtsContender c : live) {
            items.put(c.id(), new ArrayList<>());
            cpu.put(c.id(), new CpuShare(c.serverCpu()));
        }
        for (String text : List.of(SpeechTexts.SHORT, SpeechTexts.LONG)) {
            Map<String, List<SpeechWav.Timed>> timed = new LinkedHashMap<>();
            for (TtsContender c : live) timed.put(c.id(), new ArrayList<>());
            for (int run = -ttsWarmUp; run < ttsRuns; run++) {
                for (int k = 0; k < live.size(); k++) {
                    TtsContender c = live.get(Math.floorMod(run + k, live.size()));
                    if (failed.containsKey(c.id())) continue;
                    try {
                        if (run >= 0) cpu.get(c.id()).begin();
                        SpeechWav.Timed t = c.speak().speak(text);
                        if (run >= 0) {
                            cpu.get(c.id()).end();
                            timed.get(c.id()).add(t);
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.put(c.id(), "failed: " + e.getMessage());
                    }
                }
            }
            for (TtsContender c : live) items.get(c.id()).add(new TtsItem(text, timed.get(c.id())));
        }
        List<TtsSide> sides = new ArrayList<>();
        for (TtsContender c : contenders) {
            String why = c.skipped() != null ? c.skipped() : failed.get(c.id());
            if (why != null) {
                sides.add(TtsSide.skipped(c.id(), c.label(), why));
                continue;
            }
            System.out.printf(Locale.ROOT, "  %s%n", c.label());
            for (TtsItem item : items.get(c.id())) {
                System.out.printf(Locale.ROOT, "    %4d characters: %5.1f s of audio, first audio %s, first 4 KiB %s, total %s%n",
                        item.text().length(), item.audioSeconds(), SpeechReport.ms(item.firstAudio()), SpeechReport.ms(item.firstBytes()),
                        SpeechReport.ms(item.total()));
            }
            double others = cpu.get(c.id()).otherCores();
            printOthers(others);
            sides.add(new TtsSide(c.id(), c.label(), c.settings(), items.get(c.id()).get(0), items.get(c.id()).get(1), others, null));
        }
        return sides;
    }

    private static void printOthers(double otherCores) {
        if (!Double.isNaN(otherCores)) System.out.printf(Locale.ROOT, "    other processes kept %.2f cores busy meanwhile%n", otherCores);
    }

    private static void close(AutoCloseable closer) {
        try {
            closer.close();
        } catch (Exception ignored) {
            // after the measurement; nothing to report
        }
    }

    /** This JVM's -X options (the launcher's $GUREUM_JAVA_OPTS, what ./gureum serve runs with), -Xmx3g when they set no heap. */
    private static List<String> serverJvmOptions() {
        List<String> options = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList());
        if (options.stream().noneMatch(a -> a.startsWith("-Xmx"))) options.add(0, "-Xmx3g");
        return options;
    }

    /**
     * Cores that processes other than this JVM, its waited-for children and a server under test kept busy over the
     * stretches of one side's measured runs (a build next door on a small machine skews the numbers; this says when
     * it did). NaN off Linux.
     */
    private static final class CpuShare {
        private final LongSupplier server;
        private long machine;
        private long own;
        private long children;
        private long start;
        private long othersNanos;
        private long wallNanos;
        private boolean unknown;

        /** @param server CPU nanoseconds of a server under test in a child JVM (not a waited-for child), or 0 */
        CpuShare(LongSupplier server) {
            this.server = server;
        }

        void begin() {
            machine = MachineCpu.busyNanos();
            own = sum(MachineCpu.processNanos(), server.getAsLong());
            children = MachineCpu.childrenNanos();
            start = System.nanoTime();
        }

        void end() {
            long machineNow = MachineCpu.busyNanos();
            long ownNow = sum(MachineCpu.processNanos(), server.getAsLong());
            long childrenNow = MachineCpu.childrenNanos();
            wallNanos += System.nanoTime() - start;
            if (machine < 0 || own < 0 || children < 0 || machineNow < 0 || ownNow < 0 || childrenNow < 0) unknown = true;
            else othersNanos += Math.max(0, (machineNow - machine) - (ownNow - own) - (childrenNow - children));
        }

        double otherCores() {
            return unknown || wallNanos == 0 ? Double.NaN : othersNanos / (double) wallNanos;
        }

        private static long sum(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }
    }
}
