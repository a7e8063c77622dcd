package io.gureum.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions Maven wrote into {@code build-info.properties} at build time (so the pom stays the one place they are set). */
public final class BuildInfo {
    private static final Properties PROPERTIES = load();

    private BuildInfo() {}

    public static String version() { return PROPERTIES.getProperty("gureum.version"); }

    public static String swaggerUiVersion() { return PROPERTIES.getProperty("swagger-ui.version"); }

    private static Properties load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/gureum/server/build-info.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("build-info.properties is missing from the server jar", e);
        }
    }
}
