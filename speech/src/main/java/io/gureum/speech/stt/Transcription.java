package io.gureum.speech.stt;

import java.util.List;

/**
 * A whole recording transcribed: its speech segments in order, with times in seconds from the start of the
 * recording.
 *
 * @param engine   the engine that transcribed it
 * @param model    the engine's model ({@code id@version} or the user's file)
 * @param vadModel the voice activity detector that found the segments
 */
public record Transcription(String text, String language, double durationSeconds, String engine, String model,
                            String vadModel, List<Segment> segments) {
    public Transcription {
        segments = List.copyOf(segments);
    }

    /** One stretch of speech and what was said in it. */
    public record Segment(int id, double start, double end, String text, List<Transcript.Word> words) {
        public Segment {
            words = List.copyOf(words);
        }
    }
}
