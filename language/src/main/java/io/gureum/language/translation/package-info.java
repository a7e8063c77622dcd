/**
 * Machine translation usable as a plain library, without the server.
 *
 * <p>{@link io.gureum.language.translation.TranslationService} is the service: texts from a given or detected
 * language into another, checked against the limits, each routed to an installed
 * {@link io.gureum.language.translation.LanguagePair}. Engines plug in as
 * {@link io.gureum.language.translation.Translator}s found by {@link java.util.ServiceLoader}: {@code apertium}
 * ({@link io.gureum.language.translation.apertium.ApertiumTranslator}), Debian's rule-based engine run as separate
 * programs with one warm pipeline per pair. {@link io.gureum.language.translation.ChrF} scores translations against
 * references as sacreBLEU does.
 */
package io.gureum.language.translation;
