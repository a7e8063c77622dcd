package io.gureum.language.sentiment;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's main path on the installed lexicon: sentences, averaging, labels, refusals. */
class SentimentAnalysisTest {
    private final SentimentAnalysis analysis = SentimentModels.analysis();

    @Test
    void scoresEachSentenceAndAveragesThemForTheDocument() {
        String text = "The room was lovely.  The staff were rude and the breakfast was awful!";
        SentimentResult result = analysis.analyze(List.of(new TextDocument("1", text, "en")), Optional.empty());
        assertThat(result.model()).isEqualTo("vader");
        assertThat(result.modelVersion()).isEqualTo("1.1.3");
        DocumentSentiment document = result.documents().get(0);
        assertThat(document.id()).isEqualTo("1");
        assertThat(document.language()).isEqualTo("en");
        assertThat(document.sentences()).extracting(SentenceSentiment::text)
                .containsExactly("The room was lovely.", "The staff were rude and the breakfast was awful!");
        for (SentenceSentiment sentence : document.sentences()) {
            assertThat(text.substring(sentence.offset(), sentence.offset() + sentence.length())).isEqualTo(sentence.text());
        }
        assertThat(document.sentences()).extracting(SentenceSentiment::label)
                .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
        double first = document.sentences().get(0).scores().compound(), second = document.sentences().get(1).scores().compound();
        assertThat(document.scores().compound()).isCloseTo((first + second) / 2, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(document.label()).isEqualTo(SentimentLabel.of(document.scores().compound()));
        SentimentScores scores = document.scores();
        assertThat(scores.positive() + scores.neutral() + scores.negative()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(0.002));
    }

    @Test
    void offsetsCountUtf16CodeUnits() {
        String text = "😀😀 Fine. Great day!";
        DocumentSentiment document = analysis.analyze(List.of(new TextDocument("1", text, "en-US")), Optional.empty()).documents().get(0);
        SentenceSentiment last = document.sentences().get(document.sentences().size() - 1);
        assertThat(last.text()).isEqualTo("Great day!");
        assertThat(last.offset()).isEqualTo(text.indexOf("Great"));
    }

    @Test
    void aTextWithoutWordsIsNeutralWithZeroScores() {
        DocumentSentiment empty = analysis.analyze(List.of(new TextDocument("1", "", "en")), Optional.empty()).documents().get(0);
        assertThat(empty.sentences()).isEmpty();
        assertThat(empty.label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(empty.scores()).isEqualTo(SentimentScores.NONE);
    }

    @Test
    void detectsTheLanguageWhenNotGivenAndRefusesAnythingButEnglish() {
        SentimentResult english = analysis.analyze(List.of(new TextDocument("en", "Terrible service!"),
                new TextDocument("smiley", ":) :)")), Optional.empty());
        assertThat(english.documents()).extracting(DocumentSentiment::label)
                .containsExactly(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE);

        assertThatThrownBy(() -> analysis.analyze(List.of(new TextDocument("a", "Great!"),
                new TextDocument("ko", "이 식당 음식이 정말 맛있어요. 다음에 또 올게요.")), Optional.empty()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("unsupported_language");
                    assertThat(p.extensions()).containsEntry("documentId", "ko").containsEntry("language", "ko");
                    assertThat(p.detail()).contains("Korean").contains("\"language\": \"en\"");
                });
        assertThatThrownBy(() -> analysis.analyze(List.of(new TextDocument("fr", "Le service était vraiment terrible.", "fr")),
                Optional.empty()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unsupported_language"));
    }

    @Test
    void takesEnglishGivenAsACodeOrTagInAnyCase() {
        SentimentResult result = analysis.analyze(List.of(new TextDocument("1", "Nice", "eng"), new TextDocument("2", "Nice", "EN-gb"),
                new TextDocument("3", "Nice", "en_US")), Optional.empty());
        assertThat(result.documents()).extracting(DocumentSentiment::label).containsOnly(SentimentLabel.POSITIVE);
    }

    @Test
    void checksDocumentsAsLanguageDetectionDoes() {
        assertThatThrownBy(() -> analysis.analyze(List.of(), Optional.empty()))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> analysis.analyze(List.of(new TextDocument("1", "a", "en"), new TextDocument("1", "b", "en")),
                Optional.empty())).hasMessageContaining("unique");
        String tooLong = "a".repeat(LanguageDetection.MAX_CHARACTERS_PER_DOCUMENT + 1);
        assertThatThrownBy(() -> analysis.analyze(List.of(new TextDocument("1", tooLong, "en")), Optional.empty()))
                .hasMessageContaining("characters");
    }

    @Test
    void aPinnedModelMustBeAKnownLexicon() {
        assertThat(analysis.analyze(List.of(new TextDocument("1", "ok", "en")), Optional.of(ModelRef.parse("vader@1.1.3")))
                .model()).isEqualTo("vader");
        assertThatThrownBy(() -> analysis.analyze(List.of(new TextDocument("1", "ok", "en")), Optional.of(ModelRef.parse("lingua"))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unknown_model"));
    }
}
