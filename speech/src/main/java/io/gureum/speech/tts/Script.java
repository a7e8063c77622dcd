package io.gureum.speech.tts;

import java.util.List;

/**
 * A request made ready to speak.
 *
 * @param voice              the request's voice: the output has its sample rate
 * @param segments           in order
 * @param billableCharacters characters of the spoken text (see {@link TextToSpeech#billableCharacters})
 */
record Script(Voice voice, List<Segment> segments, int billableCharacters) {
    boolean isEmpty() {
        return segments.isEmpty();
    }
}
