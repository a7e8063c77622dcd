package io.gureum.chatbot.entities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What relative expressions are resolved against: "tomorrow" is the day after {@code referenceTime} in {@code zone}.
 * The locale only settles the order of numeric dates: {@code 5/3} is May 3 in the US and Korea (and with no
 * country), 5 March elsewhere.
 */
public record ExtractionContext(Instant referenceTime, ZoneId zone, Locale locale) {
    public ExtractionContext {
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }

    /** Countries that write month before day; no country (plain {@code en}, {@code ko}) counts as one of them. */
    private static final Set<String> MONTH_FIRST = Set.of("", "US", "KR", "CN", "JP", "TW", "CA", "PH");

    ZonedDateTime now() { return referenceTime.atZone(zone); }

    LocalDate today() { return now().toLocalDate(); }

    boolean monthFirst() {
        return MONTH_FIRST.contains(locale.getCountry());
    }
}
