package io.gureum.server.console;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console at {@code /console}: static files that the Maven build puts on the classpath (src/main/console,
 * copied by its build.mjs). The console is a client of the public API like any other, so the server only serves
 * files; a build made without npm has no console, and {@code /console} then says so instead of answering 404.
 */
public final class ConsoleAssets {
    public static final String PATH = "/console";
    private static final String CLASSPATH_FOLDER = "/io/gureum/server/console";
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final byte[] index = read(CLASSPATH_FOLDER + "/index.html");
    private final Map<String, String> headers = index == null ? Map.of() : headers(new String(index, StandardCharsets.UTF_8));

    public void addStaticFiles(JavalinConfig config) {
        if (index == null) return;
        config.staticFiles.add(files -> {
            files.hostedPath = PATH;
            files.directory = CLASSPATH_FOLDER;
            files.location = Location.CLASSPATH;
            files.headers = headers;
        });
    }

    public void register(Javalin app) {
        if (index != null) {
            // The router ignores trailing slashes, so this one route answers /console and /console/ alike (a redirect
            // from one to the other would loop); the page loads everything else by absolute path.
            app.get(PATH, ctx -> {
                headers.forEach(ctx::header);
                ctx.contentType("text/html; charset=utf-8").result(index);
            });
        } else {
            app.get(PATH, ctx -> ctx.status(503).html("<!doctype html><meta charset=utf-8><title>Gureum console</title>"
                    + "<p>This Gureum server was built without its web console (npm was missing or -Dconsole.skip=true was set)."
                    + " Install Node.js and npm, then rebuild: <code>./gureum start</code>. The API works without it: <a href=/docs>/docs</a>.</p>"));
        }
    }

    /**
     * The page holds an API key (an admin's, often): scripts only from this server plus the page's one inline import
     * map, pinned by its hash, so injected markup cannot run script; calls only to this server; no framing. Files are
     * revalidated on each load so a new server version's console is picked up at once.
     */
    private static Map<String, String> headers(String indexHtml) {
        Matcher importMap = IMPORT_MAP.matcher(indexHtml);
        if (!importMap.find()) throw new IllegalStateException("the console's index.html has no import map");
        String csp = "default-src 'self'; script-src 'self' '" + sha256(importMap.group(1)) + "'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        return Map.of("Content-Security-Policy", csp, "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer", "Cache-Control", "no-cache");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
