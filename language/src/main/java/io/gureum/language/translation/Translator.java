package io.gureum.language.translation;

import java.util.List;
import java.util.Optional;

/**
 * A machine translation engine, found with {@link java.util.ServiceLoader} (like DJL's engines): {@code apertium}
 * ({@link io.gureum.language.translation.apertium.ApertiumTranslator}). {@link TranslationService} is what callers
 * use; it validates requests, detects source languages and picks the engine that has the pair.
 *
 * <p>Implementations are thread-safe and own what they start (processes, threads) until {@link #close}.
 */
public interface Translator extends AutoCloseable {

    /** The engine's name, as responses report it: {@code apertium}. */
    String engine();

    /** Whether the engine's programs are installed here; when not, {@link #pairs} is empty. */
    boolean isInstalled();

    /** The directions installed now, e.g. en→es and es→en as two pairs; a pair installed while running shows up. */
    List<LanguagePair> pairs();

    /** The operating system package that would add this direction, when the engine knows one. */
    Optional<String> packageFor(String from, String to);

    /**
     * The shell command that installs the engine, with the data for {@code from}→{@code to} when a package has it
     * (or the engine's usual first pair), e.g. {@code sudo apt-get install -y apertium apertium-eng-spa}.
     */
    String installCommand(String from, String to);

    /**
     * Translates texts with one of this engine's pairs, one result per text in order.
     *
     * @param html whether the texts are HTML, whose markup is kept (tags, comments, entities); else plain text
     * @throws io.gureum.core.Problem 503 {@code engine_timeout} when a text takes too long; 503
     *                                {@code engine_failed} when the engine breaks on it
     */
    List<String> translate(LanguagePair pair, List<String> texts, boolean html);

    /** Stops everything the engine started. */
    @Override
    void close();
}
