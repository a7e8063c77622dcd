package io.gureum.language.sentiment;

import java.util.List;

/**
 * A document's sentiment: its sentences' scores averaged (VADER's advice for texts longer than a sentence), and
 * each sentence's.
 *
 * @param language the language the text was analysed as ({@code "en"})
 */
public record DocumentSentiment(String id, String language, SentimentLabel label, SentimentScores scores,
                                List<SentenceSentiment> sentences) {
    public DocumentSentiment {
        sentences = List.copyOf(sentences);
    }
}
