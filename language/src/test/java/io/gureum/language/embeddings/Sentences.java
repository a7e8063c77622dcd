package io.gureum.language.embeddings;

import java.util.List;
import java.util.stream.Stream;

/** Fixed English test sentences: eight pairs of paraphrases on unrelated topics. */
final class Sentences {
    record Paraphrase(String a, String b) {}

    static final List<Paraphrase> PARAPHRASES = List.of(
            new Paraphrase("How do I reset my password?", "I forgot my password and need to change it."),
            new Paraphrase("The cat is sleeping on the sofa.", "A kitten is napping on the couch."),
            new Paraphrase("What time does the train to Busan leave?", "When is the departure of the Busan train?"),
            new Paraphrase("The stock market fell sharply today.", "Share prices dropped steeply on the exchange today."),
            new Paraphrase("Please send me the invoice for my last order.", "Could you email the bill for my most recent purchase?"),
            new Paraphrase("It is going to rain heavily tomorrow.", "Tomorrow's forecast calls for a downpour."),
            new Paraphrase("She won the chess tournament.", "The chess championship was won by her."),
            new Paraphrase("My laptop will not turn on.", "The notebook computer doesn't power up."));

    /** The sixteen sentences, each pair's two sides next to each other. */
    static List<String> all() {
        return PARAPHRASES.stream().flatMap(p -> Stream.of(p.a(), p.b())).toList();
    }

    /** About 2,400 characters: far more than 256 word pieces. */
    static String longText() {
        return "The history of the city goes back more than two thousand years, to a fishing village by the river. ".repeat(24);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += (double) a[i] * b[i];
        return sum;
    }

    static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    private Sentences() {}
}
