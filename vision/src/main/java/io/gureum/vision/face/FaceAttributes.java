package io.gureum.vision.face;

/**
 * What was read from a face; each part is null when it was not asked for.
 *
 * @param age     estimated age in years
 * @param gender  estimated gender with confidence
 * @param emotion expression scores
 */
public record FaceAttributes(Double age, Gender gender, Emotion emotion) {}
