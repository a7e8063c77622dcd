package io.gureum.language.translation;

import io.gureum.core.Problem;
import io.gureum.language.InstalledLanguageModels;
import io.gureum.language.translation.apertium.ApertiumTranslator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The facade on the real engine (apertium-eng-spa) and the real language detector (Lingua): languages given or
 * detected per text, texts already in the target language, and every refusal with its code.
 */
class TranslationServiceTest {
    private static TranslationService service;

    @BeforeAll
    static void start() {
        service = new TranslationService(List.of(new ApertiumTranslator()), InstalledLanguageModels.detection());
    }

    @AfterAll
    static void stop() {
        if (service != null) service.close();
    }

    @Test
    void translatesWithTheGivenLanguagesInEitherSpelling() {
        assumeEngSpa();
        TranslationResult result = service.translate(List.of("The house is red and the car is blue.", "I have two cats."), "eng", "spa", false);

        // apertium drops the subject pronoun and keeps the blank before it, as the command line does
        assertThat(result.translations()).extracting(Translation::text).containsExactly("La casa es roja y el coche es azul.", " Tengo dos gatos.");
        Translation first = result.translations().get(0);
        assertThat(first.from()).isEqualTo("en");
        assertThat(first.to()).isEqualTo("es");
        assertThat(first.engine()).isEqualTo("apertium");
        assertThat(first.pair()).isEqualTo("eng-spa");
        assertThat(first.model()).isEqualTo("apertium-eng-spa");
        assertThat(first.detectedLanguage()).isNull();
        // a regional source goes through its language's pair
        assertThat(service.translate(List.of("I have two cats."), "en-GB", "es", false).translations().get(0).pair()).isEqualTo("eng-spa");
    }

    @Test
    void detectsEachTextsLanguageAndLeavesTextsInTheTargetLanguageAsTheyAre() {
        assumeEngSpa();
        List<String> texts = List.of("The weather is very nice today and we are going to the beach.",
                "Hoy hace muy buen tiempo y vamos a la playa.", "12345 !!!");
        TranslationResult result = service.translate(texts, null, "es", false);

        Translation english = result.translations().get(0);
        assertThat(english.detectedLanguage().language()).isEqualTo("en");
        assertThat(english.detectedLanguage().confidence()).isPositive();
        assertThat(english.from()).isEqualTo("en");
        assertThat(english.pair()).isEqualTo("eng-spa");
        assertThat(english.text()).isEqualTo("El tiempo es muy bueno hoy y  estamos yendo a la playa.");

        Translation spanish = result.translations().get(1);
        assertThat(spanish.detectedLanguage().language()).isEqualTo("es");
        assertThat(spanish.text()).isEqualTo(texts.get(1));
        assertThat(spanish.pair()).isNull();
        assertThat(spanish.engine()).isNull();

        Translation noLetters = result.translations().get(2);   // nothing to detect, nothing to translate
        assertThat(noLetters.text()).isEqualTo("12345 !!!");
        assertThat(noLetters.from()).isNull();
        assertThat(noLetters.detectedLanguage()).isNull();
    }

    @Test
    void htmlKeepsItsMarkup() {
        assumeEngSpa();
        String html = "<p>The <b>big</b> dog eats.</p>";
        assertThat(service.translate(List.of(html), null, "es", true).translations().get(0).text())
                .isEqualTo("<p>El perro <b>grande</b> come.</p>");
    }

    @Test
    void aMissingPairIsRefusedWithWhatIsInstalledAndThePackageThatAddsIt() {
        assumeEngSpa();
        assertThatThrownBy(() -> service.translate(List.of("Bonjour"), "fr", "es", false))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("unsupported_language_pair");
                    assertThat(p.detail()).contains("'fr' to 'es'").contains("en→es (eng-spa)")
                            .contains("sudo apt-get install -y apertium-fr-es");
                    assertThat(p.extensions()).containsEntry("package", "apertium-fr-es")
                            .containsEntry("installCommand", "sudo apt-get install -y apertium-fr-es");
                });
        // detected: the detail says which text and what it was taken for
        assertThatThrownBy(() -> service.translate(List.of("I have two cats.",
                "Où est la gare ? Je voudrais un billet pour Paris, s'il vous plaît."), null, "es", false))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unsupported_language_pair");
                    assertThat(p.detail()).startsWith("texts[1] was detected as French (fr, confidence");
                });
        // no Debian package for the pair: no install command
        assertThatThrownBy(() -> service.translate(List.of("Hello"), "en", "ko", false))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unsupported_language_pair");
                    assertThat(p.extensions()).doesNotContainKey("installCommand");
                });
    }

    @Test
    void badBatchesAreRefusedBeforeAnyWork() {
        expect(() -> service.translate(List.of(), "en", "es", false), 422, "validation_failed");
        expect(() -> service.translate(Collections.singletonList(null), "en", "es", false), 422, "validation_failed");
        expect(() -> service.translate(List.of("ok", " \n "), "en", "es", false), 400, "empty_text");
        expect(() -> service.translate(List.of("Hello"), "en", " ", false), 422, "validation_failed");
        expect(() -> service.translate(Collections.nCopies(101, "Hello"), "en", "es", false), 413, "payload_too_large");
        expect(() -> service.translate(List.of("a".repeat(10_001)), "en", "es", false), 413, "text_too_long");
        expect(() -> service.translate(Collections.nCopies(6, "a".repeat(9_000)), "en", "es", false), 413, "text_too_long");
        // limits count code points, as billing does: 10,000 emoji are 20,000 UTF-16 units and allowed
        service.validate(List.of("😀".repeat(10_000)), "es");
        assertThat(TranslationService.characters(List.of("😀a", "bc"))).isEqualTo(4);
    }

    @Test
    void withoutTheEngineTheAnswerIsHowToInstallIt() {
        try (TranslationService absent = new TranslationService(List.of(new NotInstalled()), null)) {
            expect(() -> absent.translate(List.of("Bonjour"), "fr", "es", false), 503, "engine_not_installed");
            assertThatThrownBy(() -> absent.translate(List.of("Bonjour"), "fr", "es", false))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.extensions())
                            .containsEntry("installCommand", "sudo apt-get install -y apertium apertium-fr-es"));
            assertThatThrownBy(absent::pairs).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.extensions())
                    .containsEntry("installCommand", "sudo apt-get install -y apertium apertium-eng-spa"));
        }
    }

    private static void assumeEngSpa() {
        List<LanguagePair> pairs = new ArrayList<>();
        try {
            pairs.addAll(service.pairs());
        } catch (Problem notInstalled) {
            // skipped below
        }
        assumeTrue(pairs.stream().anyMatch(p -> p.name().equals("eng-spa")),
                "apertium-eng-spa is not installed: sudo apt-get install -y apertium apertium-eng-spa");
    }

    private static void expect(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).as(p.detail()).isEqualTo(status);
            assertThat(p.code()).as(p.detail()).isEqualTo(code);
        });
    }

    /** Apertium as on a server without its packages: the real install hints, no programs. */
    private static final class NotInstalled implements Translator {
        private final ApertiumTranslator apertium = new ApertiumTranslator();

        @Override public String engine() { return apertium.engine(); }
        @Override public boolean isInstalled() { return false; }
        @Override public List<LanguagePair> pairs() { return List.of(); }
        @Override public Optional<String> packageFor(String from, String to) { return apertium.packageFor(from, to); }
        @Override public String installCommand(String from, String to) { return apertium.installCommand(from, to); }
        @Override public List<String> translate(LanguagePair pair, List<String> texts, boolean html) {
            throw new AssertionError("an engine that is not installed must not be asked to translate");
        }
        @Override public void close() { apertium.close(); }
    }
}
