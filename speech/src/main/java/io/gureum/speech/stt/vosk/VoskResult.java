package io.gureum.speech.stt.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.speech.stt.Transcript;

import java.util.List;

/**
 * One result of a Vosk recognizer with words on: {@code {"result": [{"conf": 0.98, "start": 0.6, "end": 1.02,
 * "word": "one"}, ...], "text": "one ..."}}, or just {@code {"text": ""}} when it heard nothing.
 */
record VoskResult(List<VoskWord> result, String text) {
    /** Lenient: a newer Vosk may add members (e.g. speaker vectors) that we do not read. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record VoskWord(String word, double start, double end, double conf) {}

    VoskResult {
        result = result == null ? List.of() : List.copyOf(result);
        text = text == null ? "" : text;
    }

    static VoskResult parse(String json) {
        try {
            return JSON.readValue(json, VoskResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned a result that is not the JSON it documents: " + json, e);
        }
    }

    List<Transcript.Word> words() {
        return result.stream().map(w -> new Transcript.Word(w.word(), w.start(), w.end(), w.conf())).toList();
    }
}
