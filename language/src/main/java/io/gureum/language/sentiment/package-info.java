/**
 * English sentiment with VADER: {@link io.gureum.language.sentiment.SentimentAnalysis} is the service (documents in,
 * a label and scores per document and per sentence out), {@link io.gureum.language.sentiment.VaderScorer} the rules,
 * and {@link io.gureum.language.sentiment.VaderLexicon} the word list the {@code sentiment-vader} model pack installs.
 */
package io.gureum.language.sentiment;
