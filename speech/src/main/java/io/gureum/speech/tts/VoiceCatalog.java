package io.gureum.speech.tts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The voices of the installed engines, found by id or by language (and gender). */
final class VoiceCatalog {
    private final List<SpeechSynthesizer> engines;
    private final Map<String, Voice> voicesById = new LinkedHashMap<>();
    private final Map<String, SpeechSynthesizer> engineByName = new LinkedHashMap<>();

    /** @param engines in order of preference: a language spoken by several engines gets the first one's voice */
    VoiceCatalog(List<SpeechSynthesizer> engines) {
        this.engines = List.copyOf(engines);
        for (SpeechSynthesizer engine : engines) {
            engineByName.put(engine.name(), engine);
            for (Voice voice : engine.voices()) voicesById.put(key(voice.id()), voice);
        }
    }

    List<Voice> all() {
        return List.copyOf(voicesById.values());
    }

    SpeechSynthesizer engineOf(Voice voice) {
        return engineByName.get(voice.engine());
    }

    /** A voice id ({@code espeak:ko}) or a language tag ({@code ko}, {@code en-US}), or an exception to report. */
    Voice resolve(String idOrLanguage) {
        return find(idOrLanguage).orElseThrow(() -> {
            int colon = idOrLanguage.indexOf(':');
            String engine = colon < 0 ? "" : idOrLanguage.substring(0, colon);
            return TtsProblems.knownEngine(engine) && !engineByName.containsKey(engine)
                    ? TtsProblems.engineNotInstalled(engine) : TtsProblems.unknownVoice(idOrLanguage);
        });
    }

    Optional<Voice> find(String idOrLanguage) {
        String wanted = idOrLanguage.strip();
        if (wanted.contains(":")) return Optional.ofNullable(voicesById.get(key(wanted)));
        return forLanguage(wanted, null);
    }

    /**
     * The best voice for a language: one whose language is exactly the tag, else one its engine says speaks it
     * (e.g. {@code en} gets an {@code en-US} voice); engines in order of preference. Among equals, one of the
     * wanted gender if there is one (it is a preference: espeak voices are all male).
     *
     * @param gender {@link Voice#FEMALE}, {@link Voice#MALE}, or null for any
     */
    Optional<Voice> forLanguage(String languageTag, String gender) {
        String tag = languageTag.strip().replace('_', '-');
        if (tag.isEmpty()) return Optional.empty();
        List<Voice> exact = voicesById.values().stream().filter(v -> v.language().equalsIgnoreCase(tag)).toList();
        if (!exact.isEmpty()) return Optional.of(preferGender(exact, gender));
        List<Voice> spoken = new ArrayList<>();
        for (SpeechSynthesizer engine : engines) spoken.addAll(engine.voicesForLanguage(tag));
        return spoken.isEmpty() ? Optional.empty() : Optional.of(preferGender(spoken, gender));
    }

    private static Voice preferGender(List<Voice> voices, String gender) {
        return voices.stream().filter(v -> v.gender().equals(gender)).findFirst().orElse(voices.get(0));
    }

    private static String key(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }
}
