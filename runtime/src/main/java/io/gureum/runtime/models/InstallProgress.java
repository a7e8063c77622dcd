package io.gureum.runtime.models;

import java.io.PrintStream;

/**
 * What an install tells its user while it runs. {@link #bytes} is called many times per step
 * (hashing, copying); {@code done} restarts at 0 for each step.
 */
public interface InstallProgress {
    void step(ModelPack pack, String message);

    void bytes(ModelPack pack, long done, long total);

    void finished(ModelPack pack, InstalledModel model);

    /**
     * For a CLI: on a terminal a bar redrawn in place with {@code \r}; otherwise (CI logs, pipes)
     * plain lines at each 25%, so logs stay readable.
     */
    static InstallProgress console(PrintStream out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    static InstallProgress silent() {
        return new InstallProgress() {
            @Override public void step(ModelPack pack, String message) {}
            @Override public void bytes(ModelPack pack, long done, long total) {}
            @Override public void finished(ModelPack pack, InstalledModel model) {}
        };
    }
}
