package io.gureum.language.sentiment;

/**
 * One sentence of a document and its sentiment.
 *
 * @param offset where the sentence starts in the document's text, and {@code length} how long it is, both in UTF-16
 *               code units: {@code text.substring(offset, offset + length)} in Java, JavaScript or C#
 */
public record SentenceSentiment(String text, int offset, int length, SentimentLabel label, SentimentScores scores) {}
