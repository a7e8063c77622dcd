package io.gureum.core;

/** What a service bills and quotas in, as the clouds do (Azure: text records/characters, images, audio hours). */
public enum UsageUnit {
    CHARACTERS("characters"),
    IMAGES("images"),
    PAGES("pages"),
    AUDIO_SECONDS("audioSeconds"),
    TRAINING_SECONDS("trainingSeconds"),
    MESSAGES("messages"),
    ROWS("rows"),
    REQUESTS("requests");

    private final String wireName;

    UsageUnit(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }
}
