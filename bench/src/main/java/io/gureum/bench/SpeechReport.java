package io.gureum.bench;

import io.gureum.core.TextDistance;
import io.gureum.speech.stt.TranscriptNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numbers of {@code gureum bench speech} and how they are printed and written. RTF (real-time factor) is
 * processing seconds over audio seconds, for both directions: below 1 is faster than real time, 0.01 is 100× faster.
 * WER is word errors (insertions, deletions, substitutions) over the reference's words, after
 * {@link TranscriptNormalizer} put every engine's output and the reference in one spelling.
 */
final class SpeechReport {
    /** The targets. */
    static final double TARGET_STT_RTF = 0.5;
    static final double TARGET_TTS_FIRST_AUDIO_SECONDS = 0.100;
    /** Other processes' CPU above which a run's times are flagged as taken on a busy machine (as bench ocr does). */
    static final double QUIET_CORES = 0.25;

    /**
     * One recording transcribed by one engine.
     *
     * @param hypothesis what the engine wrote (on its first measured run)
     * @param seconds    each measured run's wall time
     * @param cpuSeconds each measured run's CPU time (all threads of the process; NaN when unknown)
     */
    record SttItem(String id, double audioSeconds, String reference, String hypothesis, List<Double> seconds, List<Double> cpuSeconds) {
        double medianSeconds() {
            return OcrReport.median(seconds);
        }

        /** The fastest round: what the machine does when nothing else runs on it, on a busy machine. */
        double bestSeconds() {
            return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double medianCpuSeconds() {
            return OcrReport.median(cpuSeconds);
        }

        int errors() {
            return TextDistance.wordErrors(TranscriptNormalizer.normalize(reference), TranscriptNormalizer.normalize(hypothesis));
        }

        int words() {
            return TextDistance.wordCount(TranscriptNormalizer.normalize(reference));
        }
    }

    /**
     * A speech-to-text side: its runs on the utterances one by one and on them joined into one recording.
     *
     * @param loadSeconds the runs of the load probe (a peer's process start and model load, on a silent file); empty for Gureum
     * @param otherCores  cores other processes kept busy during the measured runs; NaN when unknown
     * @param skipped     why it was not run, or null
     */
    record SttSide(String id, String label, Map<String, Object> settings, List<SttItem> utterances, SttItem joined,
                   List<Double> loadSeconds, double otherCores, String skipped) {
        static SttSide skipped(String id, String label, String why) {
            return new SttSide(id, label, Map.of(), List.of(), null, List.of(), Double.NaN, why);
        }

        int errors() {
            return utterances.stream().mapToInt(SttItem::errors).sum();
        }

        int words() {
            return utterances.stream().mapToInt(SttItem::words).sum();
        }

        double wer() {
            return (double) errors() / words();
        }

        double audioSeconds() {
            return utterances.stream().mapToDouble(SttItem::audioSeconds).sum();
        }

        /** The utterances' median seconds summed, over their audio seconds. */
        double rtf() {
            return rtf(SttItem::medianSeconds, 0);
        }

        /** The utterances' seconds (median, best) less {@code load} each, summed, over their audio seconds. */
        double rtf(ToDoubleFunction<SttItem> seconds, double load) {
            return utterances.stream().mapToDouble(u -> Math.max(0, seconds.applyAsDouble(u) - load)).sum() / audioSeconds();
        }

        /**
         * CPU seconds over audio seconds, medians summed likewise: the cores' worth of work, which a busy machine
         * changes less than the wall time (with N free cores the wall RTF is about this over N, or this for one thread).
         */
        double cpuRtf() {
            return utterances.stream().mapToDouble(SttItem::medianCpuSeconds).sum() / audioSeconds();
        }

        /** The same with the load cost taken off each run (a process per file pays it every time; a server once). */
        double rtfWithoutLoad() {
            return rtf(SttItem::medianSeconds, loadMedian());
        }

        double loadMedian() {
            return loadSeconds.isEmpty() ? 0 : OcrReport.median(loadSeconds);
        }

        boolean hasLoad() {
            return !loadSeconds.isEmpty();
        }
    }

    /** Pocketsphinx's own published result on the same files ({@code test-lm.match}): errors over the reference's words. */
    record Published(int errors, int words) {}

    /** One text spoken by one text-to-speech side: each measured run. */
    record TtsItem(String text, List<SpeechWav.Timed> runs) {
        double firstAudio() {
            return OcrReport.median(runs.stream().map(SpeechWav.Timed::firstAudioSeconds).toList());
        }

        double firstBytes() {
            return OcrReport.median(runs.stream().map(SpeechWav.Timed::firstBytesSeconds).toList());
        }

        double total() {
            return OcrReport.median(runs.stream().map(SpeechWav.Timed::totalSeconds).toList());
        }

        double audioSeconds() {
            return OcrReport.median(runs.stream().map(SpeechWav.Timed::audioSeconds).toList());
        }

        double rtf() {
            return total() / audioSeconds();
        }
    }

    /** A text-to-speech side: the short text and the long one. */
    record TtsSide(String id, String label, Map<String, Object> settings, TtsItem shortText, TtsItem longText, double otherCores, String skipped) {
        static TtsSide skipped(String id, String label, String why) {
            return new TtsSide(id, label, Map.of(), null, null, Double.NaN, why);
        }
    }

    static final String GUREUM_STT = "gureum";
    static final String POCKETSPHINX = "pocketsphinx";
    static final String GUREUM_TTS = "gureum";
    static final String GUREUM_HTTP = "gureum-http";
    static final String ESPEAK_CLI = "espeak-ng";

    private final Map<String, Object> setup;
    private final List<SttSide> stt;
    private final Published published;
    private final List<TtsSide> tts;

    SpeechReport(Map<String, Object> setup, List<SttSide> stt, Published published, List<TtsSide> tts) {
        this.setup = setup;
        this.stt = List.copyOf(stt);
        this.published = published;
        this.tts = List.copyOf(tts);
    }

    private SttSide sttSide(String id) {
        return stt.stream().filter(s -> s.id().equals(id) && s.skipped() == null).findFirst().orElse(null);
    }

    private TtsSide ttsSide(String id) {
        return tts.stream().filter(s -> s.id().equals(id) && s.skipped() == null).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- printing

    /** The tables and the targets, as printed at the end of a run. */
    String table() {
        StringBuilder out = new StringBuilder();
        SttSide ours = sttSide(GUREUM_STT);
        if (!stt.isEmpty()) {
            SttSide any = stt.stream().filter(s -> s.skipped() == null).findFirst().orElse(null);
            if (any != null) {
                out.append(String.format(Locale.ROOT, "  Speech-to-text: %d utterances one by one (%.1f s of audio), then joined into one recording (%.1f s)%n",
                        any.utterances().size(), any.audioSeconds(), any.joined().audioSeconds()));
                String row = "  %-48s %-15s %7s %7s %7s %7s %8s %8s %8s%n";
                out.append(String.format(Locale.ROOT, row, "", "WER", "RTF", "best", "joined", "best", "CPU RTF", "joined", "÷ gureum"));
                for (SttSide s : stt) {
                    if (s.skipped() != null) {
                        out.append(String.format(Locale.ROOT, "  %-48s skipped: %s%n", s.label(), s.skipped()));
                        continue;
                    }
                    SttItem j = s.joined();
                    out.append(String.format(Locale.ROOT, row, s.label(), wer(s.errors(), s.words()),
                            rtf(s.rtf()), rtf(s.rtf(SttItem::bestSeconds, 0)), rtf(j.medianSeconds() / j.audioSeconds()),
                            rtf(j.bestSeconds() / j.audioSeconds()), rtf(s.cpuRtf()), rtf(j.medianCpuSeconds() / j.audioSeconds()),
                            ours == null ? "" : ratio(s.rtf() / ours.rtf())));
                    if (s.hasLoad()) {
                        double load = s.loadMedian();
                        out.append(String.format(Locale.ROOT, row, String.format(Locale.ROOT, "  without its model load (%.2f s a run)", load), "",
                                rtf(s.rtfWithoutLoad()), rtf(s.rtf(SttItem::bestSeconds, load)),
                                rtf(Math.max(0, j.medianSeconds() - load) / j.audioSeconds()), rtf(Math.max(0, j.bestSeconds() - load) / j.audioSeconds()),
                                "", "", ours == null ? "" : ratio(s.rtfWithoutLoad() / ours.rtf())));
                    }
                }
                if (published != null) {
                    out.append(String.format(Locale.ROOT, "  %-48s %-15s%n", "pocketsphinx's published result (test-lm.match)", wer(published.errors(), published.words())));
                }
                out.append(String.format(Locale.ROOT, "  joined WER: %s%n", String.join(", ", stt.stream().filter(s -> s.skipped() == null)
                        .map(s -> s.id() + " " + wer(s.joined().errors(), s.joined().words())).toList())));
                out.append(others(stt.stream().filter(s -> s.skipped() == null).map(s -> s.id() + " " + cores(s.otherCores())).toList()));
            } else {
                for (SttSide s : stt) out.append(String.format(Locale.ROOT, "  %-48s skipped: %s%n", s.label(), s.skipped()));
            }
            out.append('\n');
        }
        if (!tts.isEmpty()) {
            for (boolean longText : new boolean[]{false, true}) {
                TtsSide cli = ttsSide(ESPEAK_CLI);
                TtsSide any = tts.stream().filter(s -> s.skipped() == null).findFirst().orElse(null);
                TtsItem sample = any == null ? null : item(any, longText);
                out.append(String.format(Locale.ROOT, "  Text-to-speech, %s (%d characters%s)%n", longText ? "long text" : "short sentence",
                        (longText ? SpeechTexts.LONG : SpeechTexts.SHORT).length(),
                        sample == null ? "" : String.format(Locale.ROOT, ", %.1f s of audio", sample.audioSeconds())));
                out.append(String.format(Locale.ROOT, "  %-46s %11s %11s %10s %9s %10s %11s %11s%n", "", "first audio", "first 4 KiB",
                        "total", "RTF", "× realtime", "4 KiB ÷ CLI", "RTF ÷ CLI"));
                for (TtsSide s : tts) {
                    if (s.skipped() != null) {
                        out.append(String.format(Locale.ROOT, "  %-46s skipped: %s%n", s.label(), s.skipped()));
                        continue;
                    }
                    TtsItem t = item(s, longText);
                    TtsItem c = cli == null ? null : item(cli, longText);
                    out.append(String.format(Locale.ROOT, "  %-46s %11s %11s %10s %9s %10s %11s %11s%n", s.label(), ms(t.firstAudio()),
                            ms(t.firstBytes()), ms(t.total()), String.format(Locale.ROOT, "%.4f", t.rtf()),
                            String.format(Locale.ROOT, "%.0f×", 1 / t.rtf()),
                            c == null ? "" : ratio(t.firstBytes() / c.firstBytes()),
                            c == null ? "" : ratio(t.rtf() / c.rtf())));
                }
                if (!longText) out.append('\n');
            }
            out.append(others(tts.stream().filter(s -> s.skipped() == null).map(s -> s.id() + " " + cores(s.otherCores())).toList()));
            out.append('\n');
        }
        out.append("  Targets\n");
        for (String line : targets()) out.append("  ").append(line).append('\n');
        return out.toString();
    }

    /** How busy the rest of the machine was during each side's measured runs: numbers beside 0 are noise-free. */
    private static String others(List<String> bySide) {
        return bySide.isEmpty() ? "" : "  other processes' CPU during the runs: " + String.join(", ", bySide) + "\n";
    }

    private static String cores(double c) {
        return Double.isNaN(c) ? "unknown" : String.format(Locale.ROOT, "%.2f cores", c);
    }

    private static TtsItem item(TtsSide s, boolean longText) {
        return longText ? s.longText() : s.shortText();
    }

    /** One line per target of the issue: the figure, the bar, PASS or MISS (or why it cannot be judged). */
    List<String> targets() {
        List<String> lines = new ArrayList<>();
        SttSide ours = sttSide(GUREUM_STT);
        SttSide peer = sttSide(POCKETSPHINX);
        if (ours == null) {
            lines.add("STT WER ≤ pocketsphinx's, RTF ≤ " + TARGET_STT_RTF + ": not measured (gureum's speech-to-text was skipped)");
        } else {
            if (peer != null) {
                lines.add(String.format(Locale.ROOT, "STT WER ≤ pocketsphinx's:      gureum %s, pocketsphinx_continuous %s%s  %s", percent(ours.wer()),
                        percent(peer.wer()), published == null ? "" : ", published " + percent((double) published.errors() / published.words()),
                        ours.errors() <= peer.errors() ? "PASS" : "MISS"));
            } else {
                lines.add(String.format(Locale.ROOT, "STT WER ≤ pocketsphinx's:      gureum %s; pocketsphinx_continuous skipped%s", percent(ours.wer()),
                        published == null ? "" : String.format(Locale.ROOT, ", its published result %s  %s",
                                percent((double) published.errors() / published.words()), ours.errors() <= published.errors() ? "PASS" : "MISS")));
            }
            double joined = ours.joined().medianSeconds() / ours.joined().audioSeconds();
            lines.add(String.format(Locale.ROOT, "STT RTF ≤ %.1f on %s cores:     %s one by one, %s joined (best rounds %s, %s)  %s%s",
                    TARGET_STT_RTF, setup.get("cores"), rtf(ours.rtf()), rtf(joined), rtf(ours.rtf(SttItem::bestSeconds, 0)),
                    rtf(ours.joined().bestSeconds() / ours.joined().audioSeconds()), Math.max(ours.rtf(), joined) <= TARGET_STT_RTF ? "PASS" : "MISS",
                    ours.otherCores() > QUIET_CORES ? String.format(Locale.ROOT, " (not a quiet machine: other processes took %.2f cores)", ours.otherCores()) : ""));
        }
        TtsSide http = ttsSide(GUREUM_HTTP);
        if (http == null) {
            lines.add("TTS first audio byte over HTTP < 100 ms: not measured (the HTTP side was skipped)");
        } else {
            double worst = Math.max(http.shortText().firstAudio(), http.longText().firstAudio());
            lines.add(String.format(Locale.ROOT, "TTS first audio byte over HTTP < %.0f ms: %s short, %s long  %s", TARGET_TTS_FIRST_AUDIO_SECONDS * 1000,
                    ms(http.shortText().firstAudio()), ms(http.longText().firstAudio()), worst < TARGET_TTS_FIRST_AUDIO_SECONDS ? "PASS" : "MISS"));
        }
        return lines;
    }

    static String wer(int errors, int words) {
        return String.format(Locale.ROOT, "%d/%d %s", errors, words, percent((double) errors / words));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String rtf(double rtf) {
        return String.format(Locale.ROOT, "%.3f", rtf);
    }

    static String ms(double seconds) {
        return seconds < 0.1 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1000) : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    // ---------------------------------------------------------------- JSON

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setup", setup);
        List<Map<String, Object>> sttOut = new ArrayList<>();
        for (SttSide s : stt) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("label", s.label());
            if (s.skipped() != null) {
                e.put("skipped", s.skipped());
                sttOut.add(e);
                continue;
            }
            e.put("settings", s.settings());
            e.put("wordErrors", s.errors());
            e.put("referenceWords", s.words());
            e.put("wer", s.wer());
            e.put("rtf", s.rtf());
            e.put("bestRoundRtf", s.rtf(SttItem::bestSeconds, 0));
            e.put("cpuRtf", s.cpuRtf());
            if (s.hasLoad()) {
                e.put("loadSeconds", s.loadMedian());
                e.put("rtfWithoutLoad", s.rtfWithoutLoad());
            }
            e.put("otherCores", Double.isNaN(s.otherCores()) ? null : s.otherCores());
            List<Map<String, Object>> items = new ArrayList<>();
            for (SttItem u : s.utterances()) items.add(item(u));
            e.put("utterances", items);
            e.put("joined", item(s.joined()));
            sttOut.add(e);
        }
        m.put("speechToText", sttOut);
        if (published != null) m.put("pocketsphinxPublished", Map.of("wordErrors", published.errors(), "referenceWords", published.words()));
        List<Map<String, Object>> ttsOut = new ArrayList<>();
        for (TtsSide s : tts) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("label", s.label());
            if (s.skipped() != null) {
                e.put("skipped", s.skipped());
                ttsOut.add(e);
                continue;
            }
            e.put("settings", s.settings());
            e.put("otherCores", Double.isNaN(s.otherCores()) ? null : s.otherCores());
            e.put("short", item(s.shortText()));
            e.put("long", item(s.longText()));
            ttsOut.add(e);
        }
        m.put("textToSpeech", ttsOut);
        m.put("targets", targets());
        return m;
    }

    private static Map<String, Object> item(SttItem u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("audioSeconds", u.audioSeconds());
        m.put("reference", u.reference());
        m.put("hypothesis", u.hypothesis());
        m.put("wordErrors", u.errors());
        m.put("referenceWords", u.words());
        m.put("seconds", u.seconds());
        m.put("medianSeconds", u.medianSeconds());
        m.put("cpuSeconds", u.cpuSeconds());
        return m;
    }

    private static Map<String, Object> item(TtsItem t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("characters", t.text().length());
        m.put("audioSeconds", t.audioSeconds());
        m.put("firstAudioSeconds", t.firstAudio());
        m.put("first4KiBSeconds", t.firstBytes());
        m.put("totalSeconds", t.total());
        m.put("rtf", t.rtf());
        m.put("runs", t.runs().size());
        return m;
    }
}
