/**
 * Text-to-speech: {@link io.gureum.speech.tts.TextToSpeech} turns text or an SSML subset into 16-bit mono PCM,
 * streamed sentence by sentence to a {@link io.gureum.speech.tts.PcmSink}.
 *
 * <p>Engines ({@link io.gureum.speech.tts.SpeechSynthesizer}) and their licences:
 * <ul>
 *   <li>{@code espeak}: eSpeak NG (GPL-3.0-or-later), 100+ languages including Korean, used as the separate shared
 *       library {@code libespeak-ng.so.1} (Debian {@code libespeak-ng1}) through JNA; nothing of it is copied here.</li>
 *   <li>{@code flite}: CMU Flite (BSD-like licence) with its CMU US English voices slt, rms, awb, kal16 and kal,
 *       used as the shared libraries of Debian {@code libflite1} through JNA.</li>
 * </ul>
 *
 * <p>SSML is parsed here into a flat list of segments (text with a voice and prosody, or a pause) so every engine
 * gets the same features; no engine sees markup.
 */
package io.gureum.speech.tts;
