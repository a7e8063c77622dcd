package io.gureum.vision.face;

/**
 * An estimated gender as the model sees it (a binary classifier trained on labelled photos; it says nothing
 * about how a person identifies).
 *
 * @param value      {@code female} or {@code male}
 * @param confidence 0.5 (the model cannot tell) to 1
 */
public record Gender(String value, double confidence) {}
