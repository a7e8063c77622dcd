package io.gureum.bench;

/** A benchmark that cannot give a meaningful number: the message says why, for the operator. */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }
}
