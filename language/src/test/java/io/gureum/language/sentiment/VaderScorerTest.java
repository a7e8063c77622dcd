package io.gureum.language.sentiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One test per VADER rule, on a lexicon of a few words with their valences in {@code vader_lexicon.txt} (checked
 * against the real file in {@link SentimentAccuracyTest}). Expected values are worked out by hand from the method:
 * the word's valence after the rule, then {@code compound = sum / sqrt(sum² + 15)}.
 */
class VaderScorerTest {
    static final Map<String, Double> VALENCES = Map.of(
            "good", 1.9, "bad", -2.5, "kind", 2.4, "no", -1.2, "bomb", -2.2, "doubt", -1.5, ":)", 2.0);
    private final VaderScorer vader = new VaderScorer(new VaderLexicon(VALENCES));

    private static double compound(double sum) {
        return sum / Math.sqrt(sum * sum + 15);
    }

    @ParameterizedTest(name = "{0} -> sum {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # plain lexicon word
            The food is good                       |  1.9
            # negation one, two and three words before; not beyond
            The food is not good                   | -1.406
            The food isn't good                    | -1.406
            The food is never good                 | -1.406
            It is not at all good                  | -1.406
            Not that it was good                   |  1.9
            # two negations cancel out, weakened twice: 1.9 * 0.74 * 0.74
            It is not not good                     |  1.04044
            # "never so" is emphasis (x1.25 after the booster "so": (1.9 + 0.293) * 1.25); "without doubt" is no negation
            It was never so good                   |  2.74125
            # "no": before a lexicon word it negates it and carries nothing; alone it is a negative word
            There is no good food                  | -1.406
            There is no food                       | -1.2
            # boosters and dampeners: +-0.293, scaled 0.95 two words away, in the direction of the word's valence
            The food is very good                  |  2.193
            The food is very much good             |  2.17835
            The food is slightly good              |  1.607
            The food is very bad                   | -2.793
            # ALL CAPS stands out only when not everything is in capitals: +0.733, also on a booster
            The food is GOOD                       |  2.633
            THE FOOD IS GOOD                       |  1.9
            The food is VERY good                  |  2.926
            # "least": negates unless "at least" or "very least"
            This is the least good                 | -1.406
            It is at least good                    |  1.9
            # "kind of" dampens and its "kind" is not the lexicon's kind (2.4)
            The food is kind of good               |  1.607
            The food is kind of bad                | -2.207
            She is kind                            |  2.4
            # an idiom carries its own valence
            The burger is the bomb                 |  3.0
            # emoticons are looked up as written, punctuation around words is stripped
            Good :)                                |  3.9
            'good,' she said.                      |  1.9
            """)
    void eachRuleGivesTheValenceWorkedOutByHand(String sentence, double sum) {
        assertThat(vader.score(sentence).compound()).as(sentence).isCloseTo(compound(sum), within(1e-9));
    }

    @Test
    void aButHalvesWhatComesBeforeItAndWeighsWhatFollowsOneAndAHalfTimes() {
        SentimentScores scores = vader.score("The food is good but the service is bad");
        // good 1.9 * 0.5 = 0.95, bad -2.5 * 1.5 = -3.75: sum -2.8; seven neutral tokens, "but" among them
        assertThat(scores.compound()).isCloseTo(compound(-2.8), within(1e-9)).isCloseTo(-0.5859, within(1e-4));
        double positive = 0.95 + 1, negative = 3.75 + 1, total = positive + negative + 7;
        assertThat(scores.positive()).isCloseTo(positive / total, within(1e-9));
        assertThat(scores.negative()).isCloseTo(negative / total, within(1e-9));
        assertThat(scores.neutral()).isCloseTo(7 / total, within(1e-9));
    }

    @Test
    void sharesCountEachSentimentWordAsItsValencePlusOneAgainstOneForEachNeutralWord() {
        SentimentScores scores = vader.score("The food is good");
        assertThat(scores.compound()).isCloseTo(0.4404, within(1e-4));   // VADER's published score for "good" alone
        assertThat(scores.positive()).isCloseTo(2.9 / 5.9, within(1e-9));
        assertThat(scores.neutral()).isCloseTo(3 / 5.9, within(1e-9));
        assertThat(scores.negative()).isZero();
    }

    @Test
    void exclamationMarksAmplifyUpToFourAndQuestionMarksFromTwo() {
        assertThat(vader.score("The food is good!").compound()).isCloseTo(compound(1.9 + 0.292), within(1e-9));
        assertThat(vader.score("The food is good!!!!!!").compound()).isCloseTo(compound(1.9 + 4 * 0.292), within(1e-9));
        assertThat(vader.score("The food is bad!").compound()).isCloseTo(compound(-2.5 - 0.292), within(1e-9));
        assertThat(vader.score("Is the food good?").compound()).isCloseTo(compound(1.9), within(1e-9));
        assertThat(vader.score("Is the food good??").compound()).isCloseTo(compound(1.9 + 2 * 0.18), within(1e-9));
        assertThat(vader.score("Is the food good????").compound()).isCloseTo(compound(1.9 + 0.96), within(1e-9));
        // the emphasis also goes to the larger side of the shares
        SentimentScores shares = vader.score("The food is good!");
        assertThat(shares.positive()).isCloseTo((2.9 + 0.292) / (2.9 + 0.292 + 3), within(1e-9));
        // and gives nothing to a sentence without sentiment
        assertThat(vader.score("The food is here!!!").compound()).isZero();
    }

    @Test
    void aTextWithoutWordsScoresZero() {
        assertThat(vader.score("")).isEqualTo(SentimentScores.NONE);
        assertThat(vader.score(" ... !!! - ")).isEqualTo(SentimentScores.NONE);
    }

    @Test
    void compoundIsNormalisedIntoMinusOneToOne() {
        String praise = "good ".repeat(200);
        assertThat(vader.score(praise).compound()).isLessThanOrEqualTo(1.0).isGreaterThan(0.999);
        assertThat(SentimentLabel.of(0.05)).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(SentimentLabel.of(0.0499)).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(SentimentLabel.of(-0.05)).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void capitalsAreTestedAsPythonsIsUpperDoes() {
        assertThat(VaderScorer.isAllCaps("GOOD")).isTrue();
        assertThat(VaderScorer.isAllCaps("A+")).isTrue();
        assertThat(VaderScorer.isAllCaps("Good")).isFalse();
        assertThat(VaderScorer.isAllCaps("123")).isFalse();
    }
}
