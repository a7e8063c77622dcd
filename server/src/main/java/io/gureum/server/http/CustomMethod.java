package io.gureum.server.http;

import io.gureum.core.Problem;

import java.util.Set;

/**
 * An AIP custom method in a path's last segment ({@code /v1/bots/bot_1:train}): the router sees one path parameter,
 * {@code bot_1:train}; this splits it into the resource id and the method.
 *
 * @param id     the resource id before the colon
 * @param method the method after it, or "" when there is none
 */
public record CustomMethod(String id, String method) {
    public static CustomMethod of(String lastSegment) {
        int colon = lastSegment.lastIndexOf(':');
        return colon < 0 ? new CustomMethod(lastSegment, "") : new CustomMethod(lastSegment.substring(0, colon), lastSegment.substring(colon + 1));
    }

    /**
     * The custom method, which must be one of {@code allowed}.
     *
     * @param resource what the POST was to, for the message ({@code POST /v1/bots/{botId}})
     * @throws Problem 404 {@code not_found} naming the methods there are
     */
    public static CustomMethod require(String lastSegment, String resource, Set<String> allowed) {
        CustomMethod m = of(lastSegment);
        if (!allowed.contains(m.method())) {
            throw Problem.notFound("POST " + resource + " takes the method" + (allowed.size() > 1 ? "s " : " ") + ":"
                    + String.join(", :", allowed.stream().sorted().toList()) + "; got " + (m.method().isEmpty() ? "none" : "':" + m.method() + "'") + ".");
        }
        return m;
    }
}
