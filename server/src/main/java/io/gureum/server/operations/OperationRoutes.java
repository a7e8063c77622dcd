package io.gureum.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.platform.operations.Operation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.OperationStatus;
import io.gureum.platform.operations.Submitted;
import io.gureum.server.http.ApiAccess;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code /v1/operations}: a project's long-running work: poll, list, cancel. */
public final class OperationRoutes {
    private static final int MAX_LIST = 1000;

    private final OperationService operations;
    private final ObjectMapper json;

    public OperationRoutes(OperationService operations, ObjectMapper json) {
        this.operations = operations;
        this.json = json;
    }

    public void register(Javalin app) {
        app.get("/v1/operations", this::list);
        app.get("/v1/operations/{id}", this::get);
        app.delete("/v1/operations/{id}", this::cancel);
    }

    /** RFC 7240: the request carries {@code Prefer: respond-async}, possibly among other preferences. */
    public static boolean prefersAsync(Context ctx) {
        String prefer = ctx.header("Prefer");
        if (prefer == null) return false;
        for (String p : prefer.split(",")) {
            if (p.trim().toLowerCase(java.util.Locale.ROOT).startsWith("respond-async")) return true;
        }
        return false;
    }

    /** The answer to a request that became an operation: 202, {@code Operation-Location}, the operation. */
    public static void accepted(Context ctx, Submitted submitted) {
        Operation op = submitted.operation();
        ctx.status(202).header("Operation-Location", OperationView.location(op.id())).json(OperationView.of(op, null));
    }

    private void list(Context ctx) {
        String projectId = ApiAccess.key(ctx).projectId();
        Optional<OperationStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(s -> {
            try {
                return OperationStatus.fromWire(s);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status must be one of queued, running, succeeded, failed, canceled; got '" + s + "'");
            }
        });
        int limit = ctx.queryParamAsClass("limit", Integer.class)
                .check(n -> n >= 1 && n <= MAX_LIST, "limit must be 1-" + MAX_LIST).getOrDefault(100);
        ctx.json(Map.of("operations", operations.list(projectId, status, limit).stream().map(op -> OperationView.of(op, null)).toList()));
    }

    private void get(Context ctx) {
        Operation op = find(ctx);
        JsonNode result = op.status() == OperationStatus.SUCCEEDED
                ? operations.result(op.projectId(), op.id()).map(this::parse).orElse(null)
                : null;
        ctx.json(OperationView.of(op, result));
    }

    private void cancel(Context ctx) {
        Operation op = find(ctx);
        ctx.json(OperationView.of(operations.cancel(op.projectId(), op.id()), null));
    }

    private Operation find(Context ctx) {
        String id = ctx.pathParam("id");
        return operations.find(ApiAccess.key(ctx).projectId(), id)
                .orElseThrow(() -> Problem.notFound("No operation '" + id + "' in this key's project."));
    }

    private JsonNode parse(byte[] result) {
        try {
            return json.readTree(result);
        } catch (IOException e) {
            throw new IllegalStateException("stored operation result is not JSON", e);
        }
    }
}
