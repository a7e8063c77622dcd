package io.gureum.automl;

/** Told of a search's progress after each fold and each model; called on the searching thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
