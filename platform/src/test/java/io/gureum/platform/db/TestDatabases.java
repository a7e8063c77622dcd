package io.gureum.platform.db;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Fresh, empty databases for storage tests: an H2 file in a temp folder, and a new schema on the
 * PostgreSQL server named by {@code GUREUM_TEST_PG_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5433/gureum_test?user=gureum}).
 * {@code .ci/run} starts that server; without it the PostgreSQL cases are skipped with a message.
 */
public final class TestDatabases {
    public static final String PG_URL_ENV = "GUREUM_TEST_PG_URL";

    public enum Kind { H2, POSTGRESQL }

    private TestDatabases() {}

    /** Parameter source for {@code @ParameterizedTest @EnumSource(TestDatabases.Kind.class)}. */
    public static List<Kind> kinds() { return List.of(Kind.values()); }

    /** A JDBC URL of a new empty database of this kind. */
    public static String freshUrl(Kind kind) {
        try {
            if (kind == Kind.H2) {
                Path dir = Files.createTempDirectory("gureum-h2-");
                return Database.h2FileUrl(dir);
            }
            String base = System.getenv(PG_URL_ENV);
            Assumptions.assumeTrue(base != null && !base.isBlank(),
                    "PostgreSQL tests skipped: set " + PG_URL_ENV + " (.ci/run starts a server and sets it)");
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(base)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
    }

    public static Database open(Kind kind) {
        return Database.open(freshUrl(kind), null, null, 16);
    }
}
