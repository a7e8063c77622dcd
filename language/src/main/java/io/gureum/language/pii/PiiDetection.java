package io.gureum.language.pii;

import io.gureum.core.Problem;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Personal information in text, as a plain library: e-mail addresses, phone numbers, payment card numbers, Korean
 * resident registration numbers, IP addresses, IBANs, URLs and dates of birth ({@link PiiCategory}), found by rules
 * with checksums where the format has one (Luhn, the RRN check digit, IBAN mod 97) and context words where it helps
 * (a date near "DOB" or "생년월일"). Stateless and thread-safe; nothing to install.
 *
 * <pre>{@code
 * PiiResult result = new PiiDetection().detect(List.of(new TextDocument("1", "Call 010-1234-5678")),
 *         EnumSet.allOf(PiiCategory.class), true);
 * // entities: [phoneNumber "010-1234-5678" at 5], redactedText "Call *************"
 * }</pre>
 *
 * <p>The rules do not depend on the language: a document's {@code language} is accepted (as Azure's API takes it) but
 * does not change what is found, and context words are English and Korean. Where candidates overlap, the more
 * confident one wins, then the longer, then the earlier ({@code http://192.0.2.1/} is one URL, not a URL and an IP
 * address). Offsets and lengths count UTF-16 code units, as {@link String#substring} does. Documents are limited as
 * for language detection ({@link LanguageDetection#validate}).
 */
public final class PiiDetection {
    /** The name responses give as the model: the rules of this class, versioned with them. */
    public static final String MODEL = "gureum-pii-rules";
    public static final String MODEL_VERSION = "1";
    private static final char MASK = '*';

    private static final List<PiiRecognizer> RECOGNIZERS = List.of(new EmailRecognizer(), new UrlRecognizer(),
            new IpAddressRecognizer(), new CreditCardRecognizer(), new IbanRecognizer(),
            new ResidentRegistrationNumberRecognizer(), new PhoneNumberRecognizer(), new DateOfBirthRecognizer());

    /** Most confident first, then longest, then earliest: the order in which overlapping candidates claim their text. */
    private static final Comparator<PiiEntity> PRECEDENCE = Comparator.comparingDouble(PiiEntity::confidence).reversed()
            .thenComparing(Comparator.comparingInt(PiiEntity::length).reversed())
            .thenComparingInt(PiiEntity::offset);

    /**
     * The personal information of the given categories in each document.
     *
     * @param categories what to look for (at least one)
     * @param redact     whether to add each document's text with the entities masked
     * @throws Problem {@code validation_failed} (422) for bad documents or no category
     */
    public PiiResult detect(List<TextDocument> documents, Set<PiiCategory> categories, boolean redact) {
        LanguageDetection.validate(TextDocument.asDocuments(documents));
        Objects.requireNonNull(categories, "categories");
        if (categories.isEmpty()) throw Problem.invalid("categories: at least one category is required");
        Set<PiiCategory> wanted = EnumSet.copyOf(categories);
        List<PiiRecognizer> recognizers = RECOGNIZERS.stream().filter(r -> wanted.contains(r.category())).toList();
        List<DocumentPii> results = new ArrayList<>(documents.size());
        for (TextDocument document : documents) {
            List<PiiEntity> entities = find(document.text(), recognizers);
            results.add(new DocumentPii(document.id(), entities, redact ? redact(document.text(), entities) : null));
        }
        return new PiiResult(MODEL, MODEL_VERSION, results);
    }

    /** The non-overlapping entities of {@code text}, in order of offset. */
    static List<PiiEntity> find(String text, List<PiiRecognizer> recognizers) {
        List<PiiEntity> candidates = new ArrayList<>();
        for (PiiRecognizer recognizer : recognizers) recognizer.find(text, candidates);
        candidates.sort(PRECEDENCE);
        BitSet claimed = new BitSet(text.length());
        List<PiiEntity> kept = new ArrayList<>();
        for (PiiEntity candidate : candidates) {
            int taken = claimed.nextSetBit(candidate.offset());
            if (taken >= 0 && taken < candidate.end()) continue;
            claimed.set(candidate.offset(), candidate.end());
            kept.add(candidate);
        }
        kept.sort(Comparator.comparingInt(PiiEntity::offset));
        return kept;
    }

    /** The text with every UTF-16 unit of each entity replaced by {@code *}, as Azure redacts: offsets still hold. */
    static String redact(String text, List<PiiEntity> entities) {
        char[] chars = text.toCharArray();
        for (PiiEntity entity : entities) Arrays.fill(chars, entity.offset(), entity.end(), MASK);
        return new String(chars);
    }

    /** All categories, for callers that ask for none in particular. */
    public static Set<PiiCategory> allCategories() {
        return EnumSet.allOf(PiiCategory.class);
    }
}
