package io.gureum.platform.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler built from a lambda that counts its invocations per operation id. */
final class TestHandler implements OperationHandler {
    interface Body {
        byte[] run(OperationContext context) throws Exception;
    }

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final String kind;
    private final Body body;

    TestHandler(String kind, Body body) {
        this.kind = kind;
        this.body = body;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        calls.computeIfAbsent(context.operationId(), k -> new AtomicInteger()).incrementAndGet();
        return body.run(context);
    }

    int calls(String id) {
        AtomicInteger n = calls.get(id);
        return n == null ? 0 : n.get();
    }
}
