package io.gureum.vision.face;

import io.gureum.vision.models.ModelUse;

import java.util.List;

/**
 * The faces found in one image, most confident first, and the models that found and read them.
 *
 * @param width  the (upright) image's width in pixels
 * @param height its height
 */
public record FaceAnalysis(int width, int height, List<Face> faces, List<ModelUse> models) {}
