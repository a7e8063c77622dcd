package io.gureum.vision.face;

import io.gureum.vision.geometry.Box;

/**
 * One face found in an image.
 *
 * @param box        the face in image pixels (forehead to chin, ear to ear, as BlazeFace draws it)
 * @param confidence detector score, 0-1
 * @param landmarks  six keypoints
 * @param attributes what was asked for of age, gender and emotion; null when none was
 * @param embedding  the L2-normalised identity vector when asked for, else null
 */
public record Face(Box box, double confidence, FaceLandmarks landmarks, FaceAttributes attributes, float[] embedding) {}
