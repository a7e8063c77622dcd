package io.gureum.vision.objects;

import io.gureum.vision.geometry.Box;

/**
 * One object found in an image.
 *
 * @param label      the COCO class name, e.g. {@code cat}
 * @param classId    its COCO index (0-79)
 * @param confidence 0-1
 * @param box        where, in image pixels
 */
public record DetectedObject(String label, int classId, double confidence, Box box) {}
