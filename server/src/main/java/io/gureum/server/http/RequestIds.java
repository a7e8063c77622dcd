package io.gureum.server.http;

import io.javalin.http.Context;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Every response carries {@code X-Request-Id}: the caller's, when it sent a sane one, else a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "gureum.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /**
     * 128 random bits in hex. Request ids need uniqueness, not secrecy, so ThreadLocalRandom, not
     * UUID.randomUUID(): its shared SecureRandom is a JVM-wide lock on the hot path (seen in profiles).
     */
    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
