package io.gureum.platform.operations;

import io.gureum.core.Problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an operation is in its life; the lowercase wire form is what the API and the database store. */
public enum OperationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED;

    private final String wire = name().toLowerCase(Locale.ROOT);

    public String wire() { return wire; }

    /** Parses the wire form; an unknown value is a caller error (e.g. {@code ?status=} in a listing). */
    public static OperationStatus fromWire(String s) {
        for (OperationStatus status : values()) {
            if (status.wire.equals(s)) return status;
        }
        throw Problem.invalid("unknown operation status '" + s + "'; one of "
                + Arrays.stream(values()).map(OperationStatus::wire).collect(Collectors.joining(", ")));
    }

    /** True once nothing more will happen to the operation. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }
}
