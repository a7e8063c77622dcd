package io.gureum.language.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.gureum.core.ModelRef;
import io.gureum.runtime.onnx.OnnxModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Prints (does not assert: speed is for benchmarks, not unit tests) texts embedded per second, ours against
 * langchain4j's own classes on the same models, at 1 and 32 texts per call, and what dynamic batching does for
 * 8 concurrent one-text callers. Medians of three rounds, the contenders interleaved within each round.
 */
class EmbeddingThroughputTest {

    @Test
    void printsTextsPerSecondOursAgainstLangchain4jAndWithAndWithoutDynamicBatching() throws Exception {
        TextEmbeddings ours = InstalledEmbeddingModels.embeddings();
        var unbatchedSettings = BatchSettings.defaults().oneTextPerRun();
        try (TextEmbeddings unbatched = new TextEmbeddings(InstalledEmbeddingModels.store(),
                OnnxModel.Options.defaults().withIntraOpThreads(1), unbatchedSettings)) {
            var int8 = new AllMiniLmL6V2QuantizedEmbeddingModel();
            var fp32 = new AllMiniLmL6V2EmbeddingModel();
            List<String> texts = new ArrayList<>(Sentences.all());
            texts.addAll(Sentences.all().stream().map(s -> "Asked again: " + s).toList());
            EmbeddingThroughput throughput = new EmbeddingThroughput(texts, Duration.ofMillis(200), Duration.ofMillis(800));

            Map<String, Callable<Double>> contenders = new LinkedHashMap<>();
            for (int perCall : List.of(1, 32)) {
                contenders.put("int8 ours,        1 caller x " + perCall, () -> throughput.textsPerSecond(
                        embed(ours, InstalledEmbeddingModels.MINILM_INT8), 1, perCall));
                contenders.put("int8 langchain4j, 1 caller x " + perCall, () -> throughput.textsPerSecond(langchain4j(int8), 1, perCall));
                contenders.put("fp32 ours,        1 caller x " + perCall, () -> throughput.textsPerSecond(
                        embed(ours, InstalledEmbeddingModels.MINILM_FP32), 1, perCall));
                contenders.put("fp32 langchain4j, 1 caller x " + perCall, () -> throughput.textsPerSecond(langchain4j(fp32), 1, perCall));
            }
            contenders.put("fp32 ours, 8 callers x 1, dynamic batching", () -> throughput.textsPerSecond(
                    embed(ours, InstalledEmbeddingModels.MINILM_FP32), 8, 1));
            contenders.put("fp32 ours, 8 callers x 1, one text per run", () -> throughput.textsPerSecond(
                    embed(unbatched, InstalledEmbeddingModels.MINILM_FP32), 8, 1));
            contenders.put("int8 ours, 8 callers x 1 (one text per run)", () -> throughput.textsPerSecond(
                    embed(ours, InstalledEmbeddingModels.MINILM_INT8), 8, 1));

            Map<String, List<Double>> rounds = new LinkedHashMap<>();
            for (int round = 0; round < 3; round++) {
                for (var contender : contenders.entrySet()) {
                    rounds.computeIfAbsent(contender.getKey(), k -> new ArrayList<>()).add(contender.getValue().call());
                }
            }
            System.out.printf("Texts embedded per second on %d cores (median of 3; sentences of 8-20 word pieces):%n",
                    Runtime.getRuntime().availableProcessors());
            rounds.forEach((name, values) -> System.out.printf("  %-46s %7.1f%n", name, values.stream().sorted().toList().get(1)));
        }
    }

    private static Function<List<String>, List<float[]>> embed(TextEmbeddings embeddings, ModelRef model) {
        return texts -> embeddings.embed(texts, Optional.of(model)).data().stream().map(TextEmbedding::embedding).toList();
    }

    private static Function<List<String>, List<float[]>> langchain4j(dev.langchain4j.model.embedding.EmbeddingModel model) {
        return texts -> model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();
    }
}
