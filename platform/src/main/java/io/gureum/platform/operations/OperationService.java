package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.core.Problem;
import io.gureum.platform.Ids;
import io.gureum.platform.blobs.BlobStore;
import io.gureum.platform.db.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accepts operations and answers questions about them. Accepting means the input is in the blob
 * store and a queued row is in the database before this returns, so no accepted work is lost;
 * {@link OperationWorkers} on any node then runs it.
 */
public final class OperationService {
    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final int MAX_WEBHOOK_URL = 2048;
    private static final int MAX_LIST = 1000;

    private final OperationStore store;
    private final BlobStore blobs;
    private final Clock clock;

    public OperationService(Database db, BlobStore blobs, Clock clock) {
        this.store = new OperationStore(db);
        this.blobs = blobs;
        this.clock = clock;
    }

    /**
     * Queues the operation. With an idempotency key, a repeat of the same request (same kind and
     * input) returns the first operation with {@code created = false}; a different request reusing the
     * key is a 409 {@code idempotency_key_reused}. Concurrent repeats are settled by a unique index.
     */
    public Submitted submit(NewOperation op) {
        validate(op);
        String sha = RequestHash.of(op.kind(), op.input());
        if (op.idempotencyKey() != null) {
            Optional<Submitted> replay = replay(op, sha);
            if (replay.isPresent()) return replay.get();
        }
        String id = Ids.newId("op");
        String inputKey = OperationBlobs.inputKey(id);
        // Input first: a crash between the two leaves an orphan blob, never a row without its input.
        blobs.put(inputKey, op.input());
        Instant now = SqlTimes.now(clock);
        boolean inserted;
        try {
            inserted = store.insert(new OperationStore.NewRow(id, op.projectId(), op.kind(), op.idempotencyKey(),
                    sha, inputKey, op.webhookUrl(), now));
        } catch (RuntimeException e) {
            blobs.delete(inputKey);   // e.g. an unknown project: do not keep the input of a rejected submit
            throw e;
        }
        if (!inserted) {
            // A concurrent submit with the same key won the race.
            blobs.delete(inputKey);
            return replay(op, sha).orElseThrow(() -> new IllegalStateException(
                    "idempotency key collision but no operation holds the key"));
        }
        return new Submitted(new Operation(id, op.projectId(), op.kind(), OperationStatus.QUEUED, 0, 0, now, now, null, null), true);
    }

    public Optional<Operation> find(String projectId, String id) {
        return store.find(projectId, id);
    }

    /** The result document of a succeeded operation; empty while it is not (or not this project's). */
    public Optional<byte[]> result(String projectId, String id) {
        return store.resultKey(projectId, id).flatMap(blobs::get);
    }

    /** The project's operations, newest first; {@code limit} is clamped to 1..1000. */
    public List<Operation> list(String projectId, Optional<OperationStatus> status, int limit) {
        return store.list(projectId, status, Math.max(1, Math.min(MAX_LIST, limit)));
    }

    /**
     * Cancels a queued or running operation. A running one stops at its handler's next
     * {@code canceled()} check, and whatever it returns afterwards is discarded.
     */
    public Operation cancel(String projectId, String id) {
        if (!store.cancel(projectId, id, SqlTimes.now(clock))) {
            Operation existing = store.find(projectId, id)
                    .orElseThrow(() -> Problem.notFound("no operation with id '" + id + "'"));
            if (existing.status().terminal()) {
                throw Problem.conflict("operation_not_cancelable",
                        "operation '" + id + "' has already ended (" + existing.status().wire() + ")");
            }
            // Only a status change between our UPDATE and the read gets here; its outcome is the answer.
            return existing;
        }
        return store.find(projectId, id).orElseThrow();
    }

    private Optional<Submitted> replay(NewOperation op, String sha) {
        return store.findByIdempotencyKey(op.projectId(), op.idempotencyKey()).map(existing -> {
            if (!existing.requestSha256().equals(sha)) {
                throw Problem.conflict("idempotency_key_reused",
                        "Idempotency-Key '" + op.idempotencyKey() + "' was already used for a different request");
            }
            return new Submitted(existing.operation(), false);
        });
    }

    private static void validate(NewOperation op) {
        if (op.projectId() == null || op.projectId().isBlank()) throw new IllegalArgumentException("projectId is required");
        if (op.kind() == null || !KIND.matcher(op.kind()).matches()) {
            throw new IllegalArgumentException("operation kind must be 1-100 letters, digits or . _ : / - (got '" + op.kind() + "')");
        }
        if (op.input() == null) throw new IllegalArgumentException("input is required (may be empty)");
        if (op.idempotencyKey() != null && (op.idempotencyKey().isEmpty() || op.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY)) {
            throw Problem.invalid("Idempotency-Key must be 1-" + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (op.webhookUrl() != null && op.webhookUrl().length() > MAX_WEBHOOK_URL) {
            throw Problem.invalid("webhookUrl must be at most " + MAX_WEBHOOK_URL + " characters");
        }
    }
}
