package io.gureum.server.console;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web console at {@code /console}: static files that the Maven build puts on the classpath (src/main/console,
 * copied by its build.mjs). The console is a client of the public API like any other, so the server only serves
 * files; a build made without npm has no console, and {@code /console} then says so instead of answering 404.
 */
public final class ConsoleAssets {
    public static final String PATH = "/console";
    private static final String CLASSPATH_FOLDER = "/io/gureum/server/console";

    private final boolean built = ConsoleAssets.class.getResource(CLASSPATH_FOLDER + "/index.html") != null;

    public void addStaticFiles(JavalinConfig config) {
        if (!built) return;
        config.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = CLASSPATH_FOLDER;
            files.location = Location.CLASSPATH;
        });
    }

    public void register(Javalin app) {
        if (built) {
            // The router ignores trailing slashes, so this one route answers /console and /console/ alike (a redirect
            // from one to the other would loop); the page loads everything else by absolute path.
            byte[] index = indexPage();
            app.get(PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(index));
        } else {
            app.get(PATH, ctx -> ctx.status(503).html("<!doctype html><meta charset=utf-8><title>Gureum console</title>"
                    + "<p>This Gureum server was built without its web console (npm was missing or -Dconsole.skip=true was set)."
                    + " Install Node.js and npm, then rebuild: <code>./gureum start</code>. The API works without it: <a href=/docs>/docs</a>.</p>"));
        }
    }

    private static byte[] indexPage() {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(CLASSPATH_FOLDER + "/index.html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
