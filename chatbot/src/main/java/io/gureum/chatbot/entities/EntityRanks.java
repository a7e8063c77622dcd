package io.gureum.chatbot.entities;

/**
 * Which of two candidates over spans of equal length wins (lower rank first): the bot's own entities, then the more
 * specific system entity (a date-time over a date over a time over a number).
 */
final class EntityRanks {
    static final int CUSTOM = 0;

    private EntityRanks() {}

    static int rank(SystemEntity entity) {
        return switch (entity) {
            case DATETIME -> 1;
            case DATE -> 2;
            case TIME -> 3;
            case EMAIL, URL -> 4;
            case PHONE -> 5;
            case NUMBER -> 6;
        };
    }
}
