package io.gureum.speech.tts;

import java.util.Set;

/**
 * A voice one engine speaks with, as {@code GET /v1/speech/voices} lists it.
 *
 * @param id         what requests name: {@code engine:name}, e.g. {@code espeak:ko}, {@code flite:slt}
 * @param name       for people, e.g. {@code Korean}, {@code SLT (US English)}
 * @param language   BCP 47 tag of the language it speaks, e.g. {@code ko}, {@code en-US}
 * @param gender     {@link #FEMALE}, {@link #MALE} or {@link #UNKNOWN}
 * @param engine     the engine's name, e.g. {@code espeak}
 * @param sampleRate Hz of the PCM it produces
 */
public record Voice(String id, String name, String language, String gender, String engine, int sampleRate) {
    public static final String FEMALE = "female";
    public static final String MALE = "male";
    public static final String UNKNOWN = "unknown";

    private static final Set<String> GENDERS = Set.of(FEMALE, MALE, UNKNOWN);

    public Voice {
        if (!GENDERS.contains(gender)) throw new IllegalArgumentException("gender must be one of " + GENDERS + ": " + gender);
        if (!id.startsWith(engine + ":")) throw new IllegalArgumentException("voice id must start with '" + engine + ":': " + id);
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
}
