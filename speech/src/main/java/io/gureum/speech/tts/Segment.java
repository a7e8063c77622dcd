package io.gureum.speech.tts;

/** One step of what to say, flattened from text or SSML: speech with a voice and prosody, or a pause. */
sealed interface Segment {
    /** @param text plain text, no markup */
    record Speech(String text, Voice voice, Prosody prosody) implements Segment {}

    record Pause(int millis) implements Segment {}
}
