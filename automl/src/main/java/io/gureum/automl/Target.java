package io.gureum.automl;

import java.util.List;

/**
 * The resolved target: its column, task, class names (in index order; empty for regression), the table rows that
 * have a target value (rows without one are left out of training) and each such row's class index or value.
 */
public record Target(String column, Task task, List<String> classes, int[] rows, double[] y) {
    public Target { classes = List.copyOf(classes); }

    public int classCount() { return task == Task.REGRESSION ? 1 : classes.size(); }
}
