package io.gureum.server.chatbot;

import io.javalin.Javalin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /widget/chat.js}: the embeddable chat widget (see the file's header for the script tag). No key needed. */
public final class WidgetRoutes {
    public static final String PATH = "/widget/chat.js";
    private final byte[] script;

    public WidgetRoutes() {
        try (InputStream in = WidgetRoutes.class.getResourceAsStream("/io/gureum/server/widget/chat.js")) {
            if (in == null) throw new IllegalStateException("widget/chat.js is missing from the server jar");
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(Javalin app) {
        app.get(PATH, ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(script));
    }
}
