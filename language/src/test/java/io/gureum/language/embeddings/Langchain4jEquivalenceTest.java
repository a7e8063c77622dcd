package io.gureum.language.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.gureum.core.ModelRef;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.PackFile;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static io.gureum.language.embeddings.Sentences.maxDifference;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our pipeline (Hugging Face tokenizer, ONNX Runtime, mean pooling, normalisation, batching) against langchain4j's own
 * in-process classes for the same two models, each text run alone there. langchain4j splits a text longer than its
 * 510 word pieces into parts and averages them where we truncate at 256, so the texts here are short.
 */
class Langchain4jEquivalenceTest {
    private final TextEmbeddings embeddings = InstalledEmbeddingModels.embeddings();

    @Test
    void int8VectorsEqualLangchain4jsQuantizedModel() {
        assertEqualVectors(InstalledEmbeddingModels.MINILM_INT8, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    @Test
    void float32VectorsEqualLangchain4jsModelThoughOursRanInOneBatch() {
        assertEqualVectors(InstalledEmbeddingModels.MINILM_FP32, new AllMiniLmL6V2EmbeddingModel());
    }

    @Test
    void thePacksHoldTheModelFilesOfLangchain4jsJars() throws Exception {
        for (ModelRef ref : List.of(InstalledEmbeddingModels.MINILM_INT8, InstalledEmbeddingModels.MINILM_FP32)) {
            ModelPack pack = InstalledEmbeddingModels.pack(ref);
            for (PackFile file : pack.files()) {
                assertThat(sha256OfClasspathResource(file.path())).as(file.path()).isEqualTo(file.sha256());
            }
        }
    }

    private void assertEqualVectors(ModelRef ours, EmbeddingModel theirs) {
        List<String> texts = Sentences.all();
        EmbeddingResult result = embeddings.embed(texts, Optional.of(ours));
        List<Embedding> reference = theirs.embedAll(texts.stream().map(TextSegment::from).toList()).content();

        assertThat(result.dimensions()).isEqualTo(theirs.dimension());
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            double difference = maxDifference(result.data().get(i).embedding(), reference.get(i).vector());
            worst = Math.max(worst, difference);
            assertThat(difference).as(texts.get(i)).isLessThanOrEqualTo(1e-4);
        }
        System.out.printf("%s: largest difference from langchain4j's vectors %.1e%n", ours, worst);
    }

    private static String sha256OfClasspathResource(String name) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Langchain4jEquivalenceTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("classpath resource " + name).isNotNull();
            new DigestInputStream(in, sha).transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
