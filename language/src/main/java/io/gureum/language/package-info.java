/**
 * Language services usable as a plain library, without the server.
 *
 * <p>Language detection: {@link io.gureum.language.LanguageDetection} is the service; engines plug in through
 * {@link io.gureum.language.LanguageDetectionEngine} ({@code lingua}, the default, and {@code opennlp-langdetect}),
 * each opening an installed model pack from the model store into a thread-safe
 * {@link io.gureum.language.LanguageIdentifier}.
 */
package io.gureum.language;
