package io.gureum.automl.learn;

/** Thrown inside a fit when the stop signal (cancellation or the deadline) was seen between rounds. */
public final class Stopped extends RuntimeException {
    public Stopped() { super("stopped", null, false, false); }
}
