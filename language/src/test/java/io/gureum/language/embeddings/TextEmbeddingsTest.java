package io.gureum.language.embeddings;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gureum.language.embeddings.Sentences.dot;
import static io.gureum.language.embeddings.Sentences.maxDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TextEmbeddingsTest {
    private static final String INT8 = "all-minilm-l6-v2-q@1.20.0-beta30";
    private static final String FP32 = "all-minilm-l6-v2@1.20.0-beta30";

    private final TextEmbeddings embeddings = InstalledEmbeddingModels.embeddings();

    @ParameterizedTest
    @ValueSource(strings = {INT8, FP32})
    void paraphrasesAreCloserThanUnrelatedSentences(String model) {
        List<float[]> v = vectors(Sentences.all(), model);

        int pairs = Sentences.PARAPHRASES.size();
        for (int i = 0; i < pairs; i++) {
            float[] a = v.get(2 * i);
            float[] b = v.get(2 * i + 1);
            double paraphrase = dot(a, b);
            double closestUnrelated = -1;
            for (int j = 0; j < pairs; j++) {
                if (j == i) continue;
                closestUnrelated = Math.max(closestUnrelated, Math.max(dot(a, v.get(2 * j + 1)), dot(b, v.get(2 * j))));
            }
            System.out.printf("%s: %.3f paraphrase, %.3f closest unrelated: %s%n", model, paraphrase, closestUnrelated,
                    Sentences.PARAPHRASES.get(i).a());
            assertThat(paraphrase).as(Sentences.PARAPHRASES.get(i).toString()).isGreaterThan(closestUnrelated + 0.1).isGreaterThan(0.5);
        }
    }

    @Test
    void theDefaultModelGivesUnitVectorsOf384DimensionsAndSaysWhichModelItIs() {
        EmbeddingResult result = embeddings.embed(List.of("Hello world", "Gureum is a self-hosted AI cloud."), Optional.empty());

        assertThat(result.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(result.modelVersion()).isEqualTo("1.20.0-beta30");
        assertThat(result.dimensions()).isEqualTo(384);
        assertThat(result.data()).extracting(TextEmbedding::index).containsExactly(0, 1);
        assertThat(result.data()).allSatisfy(e -> {
            assertThat(e.embedding()).hasSize(384);
            assertThat(dot(e.embedding(), e.embedding())).isCloseTo(1.0, within(1e-5));
            assertThat(e.truncated()).isFalse();
        });
        assertThat(result.data().get(0).tokens()).isEqualTo(4);   // [CLS] hello world [SEP]
        assertThat(embeddings.dimensions()).isEqualTo(384);
        assertThat(embeddings.model().ref()).isEqualTo(INT8);
        assertThat(embeddings.embed(List.of("Hello world")).get(0)).containsExactly(result.data().get(0).embedding());
        assertThat(embeddings.isWarm()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {INT8, FP32})
    void aTextLongerThan256WordPiecesIsTruncatedAndSaysSo(String model) {
        String longText = Sentences.longText();
        EmbeddingResult result = embeddings.embed(List.of("A short text.", longText), Optional.of(ModelRef.parse(model)));

        assertThat(result.data().get(0).truncated()).isFalse();
        assertThat(result.data().get(0).tokens()).isEqualTo(6);
        assertThat(result.data().get(1).truncated()).isTrue();
        assertThat(result.data().get(1).tokens()).isEqualTo(TextEmbeddings.MAX_TOKENS);
        // only the beginning counts: what follows the first 256 word pieces does not change the vector
        float[] longer = vectors(List.of(longText + " And then something else entirely happened."), model).get(0);
        assertThat(maxDifference(result.data().get(1).embedding(), longer)).isLessThan(1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {INT8, FP32})
    void textsEmbeddedTogetherGetTheVectorsTheyGetAlone(String model) {
        List<String> texts = new ArrayList<>(Sentences.all());
        texts.add(3, Sentences.longText());   // very different lengths in one call: padding
        List<float[]> together = vectors(texts, model);

        for (int i = 0; i < texts.size(); i++) {
            float[] alone = vectors(List.of(texts.get(i)), model).get(0);
            assertThat(maxDifference(together.get(i), alone)).as(texts.get(i)).isLessThanOrEqualTo(1e-5);
        }
    }

    @Test
    void onlyTheFloat32ModelSharesRunsBetweenTexts() {
        // int8 with dynamic quantization: one activation scale per batch would make a text's vector depend on its companions
        assertThat(embeddings.model(Optional.of(ModelRef.parse(INT8))).batchesTexts()).isFalse();
        assertThat(embeddings.model(Optional.of(ModelRef.parse(FP32))).batchesTexts()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {INT8, FP32})
    void eightThreadsGetWhatOneThreadGets(String model) throws Exception {
        List<String> texts = Sentences.all();
        List<float[]> sequential = new ArrayList<>();
        for (String text : texts) sequential.add(vectors(List.of(text), model).get(0));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                threads.add(pool.submit(() -> {
                    for (int call = 0; call < 6; call++) {
                        List<Integer> picked = new ArrayList<>();
                        for (int i = 0; i < texts.size(); i++) picked.add(i);
                        Collections.shuffle(picked, random);
                        picked = picked.subList(0, 1 + random.nextInt(5));
                        List<float[]> got = vectors(picked.stream().map(texts::get).toList(), model);
                        for (int k = 0; k < picked.size(); k++) {
                            assertThat(maxDifference(got.get(k), sequential.get(picked.get(k)))).isLessThanOrEqualTo(1e-5);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) thread.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badTextsAreProblemsThatNameTheText() {
        assertProblem(List.of(), 422, "validation_failed", "at least one text");
        assertProblem(null, 422, "validation_failed", "at least one text");
        assertProblem(java.util.Arrays.asList("fine", null), 422, "validation_failed", "texts[1] is missing");
        assertProblem(List.of("fine", "", "x"), 422, "validation_failed", "texts[1] is empty");
        assertProblem(List.of(" \n\t"), 422, "validation_failed", "texts[0] is empty or only white space");
        assertProblem(Collections.nCopies(TextEmbeddings.MAX_TEXTS + 1, "x"), 413, "payload_too_large", "257 texts", "at most 256");
        String tooLong = "가".repeat(TextEmbeddings.MAX_CHARACTERS_PER_TEXT + 1);
        assertProblem(List.of("ok", tooLong), 422, "validation_failed", "texts[1] has 10001 characters", "at most 10000");
        // counted in code points: 10,000 emoji are 20,000 chars of UTF-16 and are allowed
        TextEmbeddings.validate(List.of("😀".repeat(TextEmbeddings.MAX_CHARACTERS_PER_TEXT)));
        assertThat(TextEmbeddings.characters(List.of("😀😀", "abc"))).isEqualTo(5);
    }

    @Test
    void unknownModelsAndModelsOfOtherTasksAreNotFound() {
        assertThatThrownBy(() -> embeddings.embed(List.of("x"), Optional.of(ModelRef.parse("no-such-model@1"))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("unknown_model");
                    assertThat(p.status()).isEqualTo(404);
                });
        assertThatThrownBy(() -> embeddings.embed(List.of("x"), Optional.of(ModelRef.parse("lingua"))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.detail()).contains("is for task 'language-detection', not 'text-embedding'");
                });
    }

    @Test
    void aModelThatIsNotInstalledIsAProblemWithTheInstallCommand(@TempDir Path emptyStore) {
        try (TextEmbeddings bare = new TextEmbeddings(new ModelStore(emptyStore, ModelCatalog.builtIn()))) {
            assertThatThrownBy(() -> bare.embed(List.of("x")))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.code()).isEqualTo("model_not_installed");
                        assertThat(p.status()).isEqualTo(503);
                        assertThat(p.extensions()).containsEntry("installCommand", "./gureum models install all-minilm-l6-v2-q");
                    });
            assertThatThrownBy(bare::warmUp).isInstanceOf(Problem.class);
            assertThat(bare.isWarm()).isFalse();
        }
    }

    @Test
    void theTokenizerRunsOfflineFromItsJar() {
        embeddings.embed(List.of("load the tokenizer"));
        // DJL would otherwise fetch a CUDA build of its native library on a machine with an NVIDIA GPU
        if (System.getenv("DJL_OFFLINE") == null) assertThat(System.getProperty(WordPieces.OFFLINE_PROPERTY)).isEqualTo("true");
    }

    private List<float[]> vectors(List<String> texts, String model) {
        return embeddings.embed(texts, Optional.of(ModelRef.parse(model))).data().stream().map(TextEmbedding::embedding).toList();
    }

    private static void assertProblem(List<String> texts, int status, String code, String... detail) {
        assertThatThrownBy(() -> TextEmbeddings.validate(texts)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.detail()).contains(detail);
        });
    }
}
