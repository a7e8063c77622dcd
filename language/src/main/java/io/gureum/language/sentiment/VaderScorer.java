package io.gureum.language.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores one English sentence with the rules of VADER (Hutto and Gilbert, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM 2014), written here from the paper's and the reference
 * implementation's description of the method. Thread-safe and allocation-light: one call per sentence.
 *
 * <p>The text is split at white space into tokens; surrounding punctuation is stripped from a token unless the token
 * as written is in the lexicon (emoticons such as {@code :)} and {@code <3}), and tokens with no letter or digit left
 * ({@code -}, {@code ...}) are dropped. Each token then gets a valence:
 * <ol>
 *   <li>Booster and dampener words ({@code very}, {@code slightly}, ...) and the {@code kind} of {@code kind of}
 *       carry none themselves: they modify the word they precede.
 *   <li>A lexicon word starts from its lexicon valence, or from an idiom's ({@code "the bomb"} = 3) when it is the
 *       first lexicon word of one (the idiom's other words then carry none). {@code no} before another lexicon word
 *       carries none; a word one or two tokens after {@code no} (or three, through {@code or}/{@code nor}) is
 *       negated: times {@value #N_SCALAR}.
 *   <li>ALL-CAPS emphasis: a word in capitals in a sentence that is not all capitals gains {@value #C_INCR} in its
 *       direction.
 *   <li>Each of the three tokens before the word that is not a lexicon word may modify it: a booster adds
 *       {@value #B_INCR} to its intensity, a dampener takes that much away (a capitalised one adds {@value #C_INCR}
 *       more), scaled by 1, 0.95 and 0.9 with distance; a negation ({@code not}, {@code never}, any {@code n't},
 *       ...) multiplies the valence by {@value #N_SCALAR}, except {@code never so}/{@code never this} (times 1.25,
 *       emphasis) and {@code without doubt} (no change). The phrases {@code kind of}, {@code sort of} and
 *       {@code just enough} before the word dampen it as one dampener.
 *   <li>{@code least} right before the word negates it, unless it is {@code at least} or {@code very least}.
 * </ol>
 * After a {@code but}, valences count 1.5 times and before it half. The sum gains 0.292 per {@code !} (up to 4) and,
 * for two or more {@code ?}, 0.18 each (0.96 from four), in its own direction, and
 * {@code compound = sum / sqrt(sum² + 15)}. The positive, negative and neutral shares divide the positive valences
 * (each plus 1), the negative valences (each minus 1, in absolute value) and the count of neutral tokens by their
 * total, the punctuation emphasis going to the larger side.
 *
 * <p>Where the reference implementation departs from the paper this follows the paper and says so: phrase dampeners
 * ({@code kind of}) reduce the intensity of negative words too, rather than making them more negative; "never so"
 * and "without doubt" apply only to those exact phrases; all words after the first {@code but} count 1.5 times.
 */
public final class VaderScorer {
    /** Intensity a booster word adds (a dampener takes it away). */
    public static final double B_INCR = 0.293;
    /** Intensity an ALL-CAPS word or booster adds. */
    public static final double C_INCR = 0.733;
    /** What a negation multiplies a valence by: it flips and weakens it. */
    public static final double N_SCALAR = -0.74;
    /** The normalisation constant: compound = sum / sqrt(sum² + ALPHA). */
    public static final double ALPHA = 15;

    private static final double EXCLAMATION = 0.292;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double QUESTION = 0.18;
    private static final double MANY_QUESTIONS = 0.96;
    private static final double BEFORE_BUT = 0.5;
    private static final double AFTER_BUT = 1.5;
    private static final double[] MODIFIER_DISTANCE_SCALE = {1.0, 0.95, 0.9};

    private static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "dont", "hadnt", "hasnt", "havent",
            "isnt", "mightnt", "mustnt", "neednt", "oughtnt", "shant", "shouldnt", "wasnt", "werent", "wont", "wouldnt",
            "neither", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "uhuh", "uh-uh", "without",
            "rarely", "seldom", "despite");

    private static final Set<String> BOOSTERS = Set.of(
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
            "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
            "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
            "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
            "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
            "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very");

    private static final Set<String> DAMPENERS = Set.of(
            "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
            "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sorta",
            "sortof", "sort-of");

    /** Two-word dampeners, applied to the word right after them (or one further). */
    private static final Set<String> DAMPENER_PHRASES = Set.of("kind of", "sort of", "just enough");

    /** Idioms whose meaning is not the sum of their words, with the valence the whole idiom carries. */
    private static final Map<String, Double> IDIOMS = Map.of(
            "the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5, "yeah right", -2.0, "kiss of death", -1.5,
            "to die for", 3.0, "cut the mustard", 2.0, "hand to mouth", -2.0);
    private static final int LONGEST_IDIOM = 3;

    private final VaderLexicon lexicon;

    public VaderScorer(VaderLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** VADER's scores for one sentence (unrounded). Longer texts should be split into sentences first. */
    public SentimentScores score(String sentence) {
        List<String> tokens = tokens(sentence);
        if (tokens.isEmpty()) return SentimentScores.NONE;
        String[] lower = new String[tokens.size()];
        for (int i = 0; i < lower.length; i++) lower[i] = tokens.get(i).toLowerCase(Locale.ROOT);
        boolean capsStandOut = capsStandOut(tokens);

        double[] valences = new double[lower.length];
        boolean[] insideIdiom = new boolean[lower.length];
        for (int i = 0; i < lower.length; i++) {
            valences[i] = valence(tokens, lower, i, capsStandOut, insideIdiom);
        }
        applyBut(lower, valences);
        return combine(valences, punctuationEmphasis(sentence));
    }

    /** The sentence's tokens as written (see the class comment). */
    private List<String> tokens(String sentence) {
        List<String> tokens = new ArrayList<>();
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(sentence.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(sentence.charAt(i))) i++;
            if (start == i) break;
            String raw = sentence.substring(start, i).replace('\u2019', '\'');   // typographic apostrophe: don’t
            if (lexicon.contains(raw)) {
                tokens.add(raw);
                continue;
            }
            String stripped = stripPunctuation(raw);
            if (hasLetterOrDigit(stripped)) tokens.add(stripped);
        }
        return tokens;
    }

    private double valence(List<String> tokens, String[] lower, int i, boolean capsStandOut, boolean[] insideIdiom) {
        String word = lower[i];
        if (BOOSTERS.contains(word) || DAMPENERS.contains(word)) return 0;
        if (word.equals("kind") && i + 1 < lower.length && lower[i + 1].equals("of")) return 0;
        if (insideIdiom[i]) return 0;
        Double listed = lexicon.valence(tokens.get(i)).orElse(null);
        if (listed == null) return 0;

        double valence = idiomValence(lower, i, insideIdiom, listed);
        if (word.equals("no") && i + 1 < lower.length && lexicon.contains(tokens.get(i + 1))) {
            return 0;   // "no" negates the next word instead of counting as negative itself
        }
        if (followsNo(lower, i)) valence *= N_SCALAR;
        if (capsStandOut && isAllCaps(tokens.get(i))) valence += Math.signum(valence) * C_INCR;

        for (int distance = 1; distance <= 3 && distance <= i; distance++) {
            int j = i - distance;
            if (lexicon.contains(tokens.get(j))) continue;   // a sentiment word before this one is not its modifier
            valence += MODIFIER_DISTANCE_SCALE[distance - 1] * boost(tokens.get(j), lower[j], valence, capsStandOut);
            valence = negate(lower, i, distance, valence);
        }
        valence = dampenByPhrase(lower, i, valence);
        return applyLeast(lower, i, valence);
    }

    /**
     * The idiom's valence when the word is the first lexicon word of an idiom around it (the idiom's later words are
     * then marked to carry none), else the word's own.
     */
    private double idiomValence(String[] lower, int i, boolean[] insideIdiom, double own) {
        for (int length = LONGEST_IDIOM; length >= 2; length--) {
            for (int start = Math.max(0, i - length + 1); start <= i && start + length <= lower.length; start++) {
                Double idiom = IDIOMS.get(String.join(" ", Arrays.asList(lower).subList(start, start + length)));
                if (idiom == null || firstLexiconWord(lower, start, start + length) != i) continue;
                for (int k = i + 1; k < start + length; k++) insideIdiom[k] = true;
                return idiom;
            }
        }
        return own;
    }

    private int firstLexiconWord(String[] lower, int from, int to) {
        for (int k = from; k < to; k++) if (lexicon.contains(lower[k])) return k;
        return -1;
    }

    private static boolean followsNo(String[] lower, int i) {
        return (i >= 1 && lower[i - 1].equals("no"))
                || (i >= 2 && lower[i - 2].equals("no"))
                || (i >= 3 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")));
    }

    /** What a booster or dampener adds to a word of this valence: intensity in the word's direction, or against it. */
    private static double boost(String token, String word, double valence, boolean capsStandOut) {
        double scalar;
        if (BOOSTERS.contains(word)) scalar = B_INCR;
        else if (DAMPENERS.contains(word)) scalar = -B_INCR;
        else return 0;
        if (capsStandOut && isAllCaps(token)) scalar += Math.signum(scalar) * C_INCR;
        return valence < 0 ? -scalar : scalar;
    }

    /** The negation rules for the token {@code distance} before the word. */
    private static double negate(String[] lower, int i, int distance, double valence) {
        String before = lower[i - distance];
        if (before.equals("never") && distance >= 2 && isSoOrThis(lower[i - distance + 1], distance == 3 ? lower[i - 1] : null)) {
            return valence * 1.25;   // "never so good", "never this good": emphasis, not negation
        }
        if (before.equals("without") && distance >= 2
                && (lower[i - distance + 1].equals("doubt") || (distance == 3 && lower[i - 1].equals("doubt")))) {
            return valence;           // "without doubt"
        }
        return isNegation(before) ? valence * N_SCALAR : valence;
    }

    private static boolean isSoOrThis(String next, String orNext) {
        return next.equals("so") || next.equals("this") || (orNext != null && (orNext.equals("so") || orNext.equals("this")));
    }

    static boolean isNegation(String word) {
        return NEGATIONS.contains(word) || word.contains("n't");
    }

    /** "kind of good", "sort of bad": the phrase right before the word (or one token further) dampens it. */
    private static double dampenByPhrase(String[] lower, int i, double valence) {
        for (int end = i - 1; end >= Math.max(1, i - 2); end--) {
            if (DAMPENER_PHRASES.contains(lower[end - 1] + " " + lower[end])) {
                return valence - Math.signum(valence) * Math.min(B_INCR, Math.abs(valence));
            }
        }
        return valence;
    }

    private static double applyLeast(String[] lower, int i, double valence) {
        if (i < 1 || !lower[i - 1].equals("least")) return valence;
        if (i >= 2 && (lower[i - 2].equals("at") || lower[i - 2].equals("very"))) return valence;
        return valence * N_SCALAR;
    }

    /** Contrast: what follows the first "but" matters more than what precedes it. */
    private static void applyBut(String[] lower, double[] valences) {
        for (int b = 0; b < lower.length; b++) {
            if (!lower[b].equals("but")) continue;
            for (int k = 0; k < valences.length; k++) {
                if (k < b) valences[k] *= BEFORE_BUT;
                else if (k > b) valences[k] *= AFTER_BUT;
            }
            return;
        }
    }

    /** The emphasis of "!" and "?" in the sentence, added to the sum in its direction. */
    static double punctuationEmphasis(String sentence) {
        int exclamations = 0, questions = 0;
        for (int k = 0; k < sentence.length(); k++) {
            char c = sentence.charAt(k);
            if (c == '!') exclamations++;
            else if (c == '?') questions++;
        }
        double emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION;
        if (questions > 3) emphasis += MANY_QUESTIONS;
        else if (questions > 1) emphasis += questions * QUESTION;
        return emphasis;
    }

    private static SentimentScores combine(double[] valences, double emphasis) {
        double sum = 0, positive = 0, negative = 0;
        int neutral = 0;
        for (double v : valences) {
            sum += v;
            // each sentiment word also counts as one word, as the neutral ones do
            if (v > 0) positive += v + 1;
            else if (v < 0) negative += v - 1;
            else neutral++;
        }
        if (sum > 0) sum += emphasis;
        else if (sum < 0) sum -= emphasis;
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));

        if (positive > -negative) positive += emphasis;
        else if (positive < -negative) negative -= emphasis;
        double total = positive - negative + neutral;
        return new SentimentScores(positive / total, neutral / total, Math.abs(negative) / total, compound);   // abs: never -0.0
    }

    /** Whether some tokens, but not all, are in capitals: only then do capitals mark emphasis. */
    private static boolean capsStandOut(List<String> tokens) {
        int caps = 0;
        for (String token : tokens) if (isAllCaps(token)) caps++;
        return caps > 0 && caps < tokens.size();
    }

    /** At least one cased letter and no lower-case one ("GREAT", "I", "A+"), as Python's {@code str.isupper}. */
    static boolean isAllCaps(String token) {
        boolean cased = false;
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (Character.isLowerCase(c)) return false;
            if (Character.isUpperCase(c)) cased = true;
        }
        return cased;
    }

    private static String stripPunctuation(String token) {
        int start = 0, end = token.length();
        while (start < end && isPunctuation(token.charAt(start))) start++;
        while (end > start && isPunctuation(token.charAt(end - 1))) end--;
        return token.substring(start, end);
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL || type == Character.MODIFIER_SYMBOL;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int k = 0; k < s.length(); k++) if (Character.isLetterOrDigit(s.charAt(k))) return true;
        return false;
    }
}
