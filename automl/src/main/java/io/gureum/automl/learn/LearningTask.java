package io.gureum.automl.learn;

import io.gureum.automl.Task;

/** What a learner fits: the task, the number of classes (1 for regression), its random seed and CPU threads. */
public record LearningTask(Task task, int classes, long seed, int threads) {
    /** Prediction columns: one per class, or one value. */
    public int outputs() { return task == Task.REGRESSION ? 1 : classes; }
}
