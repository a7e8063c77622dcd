package io.gureum.platform.operations;

/** Where an operation's bytes live in the blob store. */
final class OperationBlobs {
    private OperationBlobs() {}

    static String inputKey(String operationId) {
        return "operations/" + operationId + "/input";
    }

    /**
     * One result key per attempt: a node that lost its lease may still write its result, and must not
     * overwrite the one the winning attempt recorded in the row.
     */
    static String resultKey(String operationId, int attempt) {
        return "operations/" + operationId + "/result-" + attempt;
    }
}
