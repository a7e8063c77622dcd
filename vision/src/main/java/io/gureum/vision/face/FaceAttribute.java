package io.gureum.vision.face;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The attributes a face can be read for. All three are "sensitive" in the clouds' sense (Azure retired
 * them from general access), so a project's policy can refuse each one.
 */
public enum FaceAttribute {
    AGE, GENDER, EMOTION;

    /** The name in requests and responses: {@code age}, {@code gender}, {@code emotion}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaceAttribute> byWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
