package io.gureum.server.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/** Every response carries {@code X-Request-Id}: the caller's, when it sent a sane one, else a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "gureum.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "none" : id;
    }
}
