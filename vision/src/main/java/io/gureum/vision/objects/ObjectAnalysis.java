package io.gureum.vision.objects;

import io.gureum.vision.models.ModelUse;

import java.util.List;

/** The objects found in one image, most confident first, and the model that found them. */
public record ObjectAnalysis(int width, int height, List<DetectedObject> objects, List<ModelUse> models) {}
