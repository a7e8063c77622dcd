package io.gureum.platform.operations;

/**
 * Runs operations of one kind. Throw {@link io.gureum.core.Problem} with a 4xx status for bad input
 * (fails at once, never retried); any other exception is retried with backoff. A handler may run
 * more than once for one operation (after a crash or a retry), so it must be safe to repeat.
 */
public interface OperationHandler {
    String kind();

    /** Does the work and returns the result document (JSON bytes). */
    byte[] run(OperationContext context) throws Exception;
}
