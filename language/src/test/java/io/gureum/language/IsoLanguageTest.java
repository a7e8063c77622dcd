package io.gureum.language;

import com.github.pemistahl.lingua.api.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IsoLanguageTest {

    @Test
    void derivesLinguasOwnIso6391CodesAndNamesEveryLanguage() {
        for (Language language : Language.all()) {
            IsoLanguage iso = IsoLanguage.of(language.getIsoCode639_3().name());

            assertThat(iso.iso6391()).as(language.name()).isEqualTo(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
            assertThat(iso.iso6393()).isEqualTo(language.getIsoCode639_3().name().toLowerCase(Locale.ROOT));
            assertThat(iso.name()).as(language.name()).isNotBlank().isNotEqualTo(iso.iso6393());
        }
    }

    @Test
    void namesEveryOpenNlpLanguage() throws IOException {
        var installed = InstalledLanguageModels.store()
                .resolve(LanguageDetection.TASK, Optional.of(InstalledLanguageModels.OPENNLP));
        String[] codes = new LanguageDetectorME(new LanguageDetectorModel(installed.file(OpenNlpEngine.MODEL_FILE).toFile()))
                .getSupportedLanguages();

        assertThat(codes).hasSize(103);
        for (String code : codes) assertThat(IsoLanguage.of(code).name()).as(code).isNotBlank().isNotEqualTo(code);
    }

    @Test
    void individualLanguagesShareTheirMacrolanguagesCodeAndName() {
        assertThat(IsoLanguage.macrolanguage("cmn")).isEqualTo("zho");
        assertThat(IsoLanguage.macrolanguage("arb")).isEqualTo("ara");
        assertThat(IsoLanguage.macrolanguage("kor")).isEqualTo("kor");
        assertThat(IsoLanguage.of("cmn")).isEqualTo(new IsoLanguage("zh", "cmn", "Chinese"));
        assertThat(IsoLanguage.of("pes")).isEqualTo(new IsoLanguage("fa", "pes", "Persian"));
        assertThat(IsoLanguage.of("nan").iso6391()).isNull();
    }

    @Test
    void usesTodaysCodesNotTheJdksLegacyOnes() {
        assertThat(IsoLanguage.of("heb").iso6391()).isEqualTo("he");
        assertThat(IsoLanguage.of("ind").iso6391()).isEqualTo("id");
        assertThat(IsoLanguage.of("yid").iso6391()).isEqualTo("yi");
    }

    @Test
    void languagesWithoutIso6391KeepTheirName() {
        assertThat(IsoLanguage.of("ceb")).isEqualTo(new IsoLanguage(null, "ceb", "Cebuano"));
    }
}
