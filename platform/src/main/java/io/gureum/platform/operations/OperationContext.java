package io.gureum.platform.operations;

/** What a handler sees of the operation it runs. */
public interface OperationContext {
    String operationId();

    String projectId();

    byte[] input();

    /** 1 on the first run, 2 on the first retry, ... */
    int attempt();

    /** Reports progress in 0..1; cheap to call often (writes are throttled). */
    void progress(double fraction);

    /**
     * True when the work should stop: the operation was canceled, or this node no longer owns it
     * (its lease was lost). Whatever the handler returns afterwards is discarded. Checked against the
     * database at most every few hundred milliseconds, so cheap to call in a loop.
     */
    boolean canceled();
}
