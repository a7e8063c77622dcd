package io.gureum.chatbot.entities;

import java.util.Arrays;
import java.util.Optional;

/**
 * The built-in entities, in English and Korean. Values are canonical strings: numbers as plain decimals ("1234",
 * "3.5"), dates as ISO {@code yyyy-MM-dd}, times as {@code HH:mm}, date-times as {@code yyyy-MM-ddTHH:mm} local to
 * the {@link ExtractionContext#zone() context's zone}, e-mail addresses, phone numbers and URLs as written.
 */
public enum SystemEntity implements EntityType {
    NUMBER("sys.number"),
    DATE("sys.date"),
    TIME("sys.time"),
    DATETIME("sys.datetime"),
    EMAIL("sys.email"),
    PHONE("sys.phone"),
    URL("sys.url");

    private final String wireName;

    SystemEntity(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static Optional<SystemEntity> byName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
