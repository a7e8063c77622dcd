package io.gureum.language;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gureum.language.InstalledLanguageModels.LINGUA;
import static io.gureum.language.InstalledLanguageModels.OPENNLP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LanguageDetectionTest {
    private static final List<Document> SENTENCES = List.of(
            new Document("ko", "오늘 아침에 친구와 함께 시장에 가서 신선한 과일과 채소를 샀습니다."),
            new Document("en", "The quick brown fox jumps over the lazy dog while the farmer watches from the porch."),
            new Document("ja", "昨日は友達と一緒に京都の古いお寺を見に行きました。とても楽しかったです。"),
            new Document("ar", "ذهبت إلى السوق صباح اليوم واشتريت بعض الفواكه والخضروات الطازجة."));

    private final LanguageDetection detection = InstalledLanguageModels.detection();

    @ParameterizedTest
    @ValueSource(strings = {"lingua@1.2.2", "opennlp-langdetect@1.3.0"})
    void detectsKoreanEnglishJapaneseAndArabicWithEitherEngine(String model) {
        DetectionResult result = detection.detect(SENTENCES, Optional.of(ModelRef.parse(model)), 1);

        assertThat(result.model() + "@" + result.modelVersion()).isEqualTo(model);
        assertThat(result.documents()).extracting(DocumentLanguages::id).containsExactly("ko", "en", "ja", "ar");
        assertThat(result.documents()).extracting(d -> d.languages().get(0))
                .extracting(DetectedLanguage::iso6391, DetectedLanguage::iso6393, DetectedLanguage::name)
                .containsExactly(
                        tuple("ko", "kor", "Korean"),
                        tuple("en", "eng", "English"),
                        tuple("ja", "jpn", "Japanese"),
                        tuple("ar", "ara", "Arabic"));
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.languages()).hasSize(1));
    }

    @Test
    void defaultModelIsLinguaAndTheResponseNamesIt() {
        DetectionResult result = detection.detect(SENTENCES.subList(0, 1), Optional.empty(), 1);

        assertThat(result.model()).isEqualTo("lingua");
        assertThat(result.modelVersion()).isEqualTo("1.2.2");
        assertThat(result.documents().get(0).languages().get(0).iso6391()).isEqualTo("ko");
    }

    @Test
    void pinningOpenNlpUsesOpenNlp() {
        List<Document> chinese = List.of(new Document("zh", "今天早上我和朋友一起去市场买了很多新鲜的水果和蔬菜。"));

        DetectionResult pinned = detection.detect(chinese, Optional.of(OPENNLP), 1);
        DetectionResult byDefault = detection.detect(chinese, Optional.empty(), 1);

        assertThat(pinned.model()).isEqualTo("opennlp-langdetect");
        assertThat(pinned.modelVersion()).isEqualTo("1.3.0");
        // OpenNLP knows Mandarin (cmn), Lingua only the macrolanguage (zho): the answer shows who gave it.
        assertThat(pinned.documents().get(0).languages().get(0))
                .extracting(DetectedLanguage::iso6391, DetectedLanguage::iso6393, DetectedLanguage::name)
                .containsExactly("zh", "cmn", "Chinese");
        assertThat(byDefault.documents().get(0).languages().get(0).iso6393()).isEqualTo("zho");
    }

    @Test
    void pinningAnIdWithoutVersionGivesItsCatalogVersion() {
        DetectionResult result = detection.detect(SENTENCES.subList(1, 2), Optional.of(ModelRef.parse("opennlp-langdetect")), 1);

        assertThat(result.model()).isEqualTo("opennlp-langdetect");
        assertThat(result.modelVersion()).isEqualTo("1.3.0");
    }

    @Test
    void topGivesSeveralLanguagesBestFirst() {
        Document spanish = new Document("es", "Hola");   // short and ambiguous: several candidates
        for (ModelRef model : List.of(LINGUA, OPENNLP)) {
            List<DetectedLanguage> languages = detection.detect(List.of(spanish), Optional.of(model), 3)
                    .documents().get(0).languages();

            assertThat(languages).as(model.toString()).hasSizeBetween(2, 3);
            assertThat(languages).extracting(DetectedLanguage::confidence).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void textWithoutLettersGivesNoLanguageNotAnError() {
        List<Document> documents = List.of(
                new Document("digits", "12345"), new Document("blank", "   \n"), new Document("empty", ""),
                new Document("symbols", "?! :-) 😀 #42"), new Document("words", "Bonjour tout le monde, comment allez-vous ?"));
        for (ModelRef model : List.of(LINGUA, OPENNLP)) {
            DetectionResult result = detection.detect(documents, Optional.of(model), 1);

            assertThat(result.documents()).as(model.toString())
                    .extracting(d -> d.languages().isEmpty()).containsExactly(true, true, true, true, false);
            assertThat(result.documents().get(4).languages().get(0).iso6391()).isEqualTo("fr");
        }
    }

    @Test
    void decomposedTextIsReadAsComposed() {
        String vietnamese = "Hôm nay tôi đi chợ với mẹ và mua rất nhiều trái cây tươi ngon.";
        Document decomposed = new Document("vi", Normalizer.normalize(vietnamese, Normalizer.Form.NFD));

        for (ModelRef model : List.of(LINGUA, OPENNLP)) {
            assertThat(detection.detect(List.of(decomposed), Optional.of(model), 1).documents().get(0).languages().get(0).iso6391())
                    .as(model.toString()).isEqualTo("vi");
        }
    }

    @Test
    void rejectsDuplicateIds() {
        assertInvalid(List.of(new Document("a", "one"), new Document("b", "two"), new Document("a", "three")),
                "documents[2]", "'a'", "documents[0]", "unique");
    }

    @Test
    void rejectsBlankOrMissingIds() {
        assertInvalid(List.of(new Document("a", "one"), new Document("  ", "two")), "documents[1]", "id is blank");
        assertInvalid(List.of(new Document(null, "one")), "documents[0]", "id is blank");
    }

    @Test
    void rejectsMissingText() {
        assertInvalid(List.of(new Document("doc-7", null)), "'doc-7'", "text is missing");
    }

    @Test
    void rejectsTextsOverTheLimitCountedInCodePoints() {
        String tooLong = "a".repeat(LanguageDetection.MAX_CHARACTERS_PER_DOCUMENT + 1);
        assertInvalid(List.of(new Document("ok", "fine"), new Document("long", tooLong)),
                "'long'", "5121 characters", "at most 5120");

        // 5120 emoji are 10240 UTF-16 chars but 5120 characters: allowed, billed as 5120.
        List<Document> emoji = List.of(new Document("e", "😀".repeat(LanguageDetection.MAX_CHARACTERS_PER_DOCUMENT)));
        detection.validate(emoji);
        assertThat(LanguageDetection.characters(emoji)).isEqualTo(5120);
    }

    @Test
    void rejectsEmptyBatches() {
        assertInvalid(List.of(), "at least one document");
        assertInvalid(null, "at least one document");
    }

    @Test
    void rejectsTopOutsideOneToTen() {
        for (int top : new int[] {0, 11}) {
            assertThatThrownBy(() -> detection.detect(SENTENCES, Optional.empty(), top))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.code()).isEqualTo("validation_failed");
                        assertThat(p.detail()).contains("top", String.valueOf(top));
                    });
        }
    }

    @Test
    void unknownModelIsAProblemWithItsCode() {
        assertThatThrownBy(() -> detection.detect(SENTENCES, Optional.of(ModelRef.parse("no-such-detector@9")), 1))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unknown_model");
                    assertThat(p.status()).isEqualTo(404);
                });
    }

    @Test
    void aModelThatIsNotInstalledIsAProblemWithTheInstallCommand(@TempDir Path emptyStore) {
        LanguageDetection bare = new LanguageDetection(new ModelStore(emptyStore, ModelCatalog.builtIn()));

        assertThatThrownBy(() -> bare.detect(SENTENCES, Optional.empty(), 1))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("model_not_installed");
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.extensions()).containsEntry("installCommand", "./gureum models install lingua");
                });
        assertThatThrownBy(bare::warmUp).isInstanceOf(Problem.class);
        assertThat(bare.isWarm()).isFalse();
    }

    @Test
    void countsBillingCharactersInCodePoints() {
        assertThat(LanguageDetection.characters(List.of(new Document("1", "한국어"), new Document("2", "a😀b"))))
                .isEqualTo(6);
    }

    @Test
    void warmUpLoadsTheDefaultModel() {
        detection.warmUp();

        assertThat(detection.isWarm()).isTrue();
    }

    @Test
    void threadsShareOneModelAndAgree() throws Exception {
        List<DetectionResult> expected = List.of(
                detection.detect(SENTENCES, Optional.of(LINGUA), 3), detection.detect(SENTENCES, Optional.of(OPENNLP), 3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DetectionResult>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                ModelRef model = i % 2 == 0 ? LINGUA : OPENNLP;
                results.add(pool.submit(() -> detection.detect(SENTENCES, Optional.of(model), 3)));
            }
            for (int i = 0; i < results.size(); i++) assertThat(results.get(i).get()).isEqualTo(expected.get(i % 2));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedServiceRefusesWork() {
        // Its own instance, with OpenNLP only: closing Lingua would unload the models the other tests share.
        LanguageDetection own = new LanguageDetection(InstalledLanguageModels.store());
        assertThat(own.detect(SENTENCES, Optional.of(OPENNLP), 1).documents()).hasSize(4);

        own.close();

        assertThatThrownBy(() -> own.detect(SENTENCES, Optional.of(OPENNLP), 1)).isInstanceOf(IllegalStateException.class);
        assertThat(own.isWarm()).isFalse();
    }

    private void assertInvalid(List<Document> documents, String... detailParts) {
        assertThatThrownBy(() -> detection.detect(documents, Optional.empty(), 1))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("validation_failed");
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.detail()).contains(detailParts);
                });
    }
}
