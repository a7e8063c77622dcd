package io.gureum.automl;

import io.gureum.automl.features.FeaturePipeline;
import io.gureum.automl.learn.TrainingData;

/**
 * One cross-validation fold, encoded once and shared by every model: positions (into the target's rows) of its
 * training and validation rows, the pipeline fitted on the training rows, and both sides' features.
 */
record Fold(int[] trainPositions, int[] validPositions, FeaturePipeline pipeline, TrainingData train, TrainingData valid) {}
