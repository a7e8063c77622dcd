package io.gureum.chatbot.entities;

import io.gureum.core.Problem;
import io.gureum.language.LanguageDetection;
import io.gureum.language.TextDocument;
import io.gureum.language.pii.PiiCategory;
import io.gureum.language.pii.PiiDetection;
import io.gureum.language.pii.PiiEntity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds a bot's entities in what a user says, as a plain library:
 *
 * <pre>{@code
 * var extractor = new EntityExtractor(List.of(
 *         new ListEntity("pizza", List.of(new ListEntity.Value("pepperoni", "페퍼로니"), new ListEntity.Value("cheese", "치즈"))),
 *         SystemEntity.NUMBER, SystemEntity.DATETIME));
 * extractor.extract("내일 오후 3시에 페퍼로니 두 개", new ExtractionContext(now, ZoneId.of("Asia/Seoul"), Locale.KOREAN));
 * // sys.datetime "내일 오후 3시" = 2026-11-27T15:00, pizza "페퍼로니" = pepperoni, sys.number "두 개" = 2
 * }</pre>
 *
 * <p>Where candidates overlap, the longer span wins; at equal length the bot's own entities (lists, patterns, in the
 * order defined) win over system entities, and among those the more specific one ({@link EntityRanks}); then the
 * earlier. So "next Friday" is one {@code sys.date} even if a list has "Friday", a list's "tomorrow" beats
 * {@code sys.date} on the same word, and "010-1234-5678" is one {@code sys.phone}, not three numbers. The result is in
 * order of offset and never overlaps. Immutable and thread-safe.
 *
 * <p>{@code sys.email}, {@code sys.phone} and {@code sys.url} are the language module's PII rules
 * ({@link PiiDetection}), so the two never disagree on what a phone number is.
 */
public final class EntityExtractor {
    /** The longest text accepted: the PII rules' limit, one message is far shorter. */
    public static final int MAX_CHARACTERS = LanguageDetection.MAX_CHARACTERS_PER_DOCUMENT;
    private static final Map<SystemEntity, PiiCategory> PII = Map.of(
            SystemEntity.EMAIL, PiiCategory.EMAIL, SystemEntity.PHONE, PiiCategory.PHONE_NUMBER, SystemEntity.URL, PiiCategory.URL);
    private static final Comparator<Candidate> PRECEDENCE = Comparator.comparingInt(Candidate::length).reversed()
            .thenComparingInt(Candidate::rank).thenComparingInt(Candidate::start);

    private final List<EntityType> types;
    private final List<ListMatcher> lists = new ArrayList<>();
    private final List<RegexEntity> patterns = new ArrayList<>();
    private final Set<SystemEntity> system = EnumSet.noneOf(SystemEntity.class);
    private final NumberRecognizer numbers = new NumberRecognizer();
    private final DateTimeRecognizer dateTimes = new DateTimeRecognizer();
    private final PiiDetection pii = new PiiDetection();

    /** @throws Problem {@code validation_failed} for no types or two with one name */
    public EntityExtractor(List<? extends EntityType> types) {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) throw Problem.invalid("entities: at least one entity type is required");
        Set<String> names = new HashSet<>();
        for (EntityType type : types) {
            Objects.requireNonNull(type, "entity type");
            String name = type instanceof SystemEntity s ? s.wireName() : type.name();
            if (!names.add(name)) throw Problem.invalid("entity '" + name + "' is defined twice");
            if (type instanceof ListEntity list) lists.add(new ListMatcher(list));
            else if (type instanceof RegexEntity regex) patterns.add(regex);
            else system.add((SystemEntity) type);
        }
        this.types = List.copyOf(types);
    }

    public List<EntityType> types() { return types; }

    /**
     * The entities in {@code text}, in order of offset, none overlapping another.
     *
     * @throws Problem {@code validation_failed} for a text over {@value #MAX_CHARACTERS} characters (code points)
     */
    public List<ExtractedEntity> extract(String text, ExtractionContext context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        if (text.length() > MAX_CHARACTERS && text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            throw Problem.invalid("text has " + text.codePointCount(0, text.length()) + " characters; at most " + MAX_CHARACTERS
                    + " are allowed");
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ListMatcher list : lists) list.find(text, candidates);
        for (RegexEntity regex : patterns) {
            Matcher m = regex.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) candidates.add(new Candidate(regex.name(), m.start(), m.end(), m.group(), 1.0, EntityRanks.CUSTOM));
            }
        }
        if (system.contains(SystemEntity.NUMBER)) numbers.find(text, candidates);
        if (system.contains(SystemEntity.DATE) || system.contains(SystemEntity.TIME) || system.contains(SystemEntity.DATETIME)) {
            dateTimes.find(text, context, system, candidates);
        }
        addPii(text, candidates);
        return resolve(text, candidates);
    }

    private void addPii(String text, List<Candidate> candidates) {
        Set<PiiCategory> categories = EnumSet.noneOf(PiiCategory.class);
        for (var entry : PII.entrySet()) if (system.contains(entry.getKey())) categories.add(entry.getValue());
        if (categories.isEmpty() || text.isBlank()) return;
        var documents = pii.detect(List.of(new TextDocument("0", text, null)), categories, false).documents();
        for (PiiEntity entity : documents.get(0).entities()) {
            SystemEntity type = PII.entrySet().stream().filter(e -> e.getValue() == entity.category()).findFirst().orElseThrow().getKey();
            candidates.add(new Candidate(type.wireName(), entity.offset(), entity.offset() + entity.length(), entity.text(), entity.confidence(),
                    EntityRanks.rank(type)));
        }
    }

    /** Longest first, then by rank, then earliest: each claims its span unless an earlier winner holds part of it. */
    private static List<ExtractedEntity> resolve(String text, List<Candidate> candidates) {
        candidates.sort(PRECEDENCE);
        BitSet claimed = new BitSet(text.length());
        List<ExtractedEntity> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            int taken = claimed.nextSetBit(c.start());
            if (taken >= 0 && taken < c.end()) continue;
            claimed.set(c.start(), c.end());
            kept.add(new ExtractedEntity(c.type(), text.substring(c.start(), c.end()), c.start(), c.end(), c.value(), c.confidence()));
        }
        kept.sort(Comparator.comparingInt(ExtractedEntity::start));
        return List.copyOf(kept);
    }
}
