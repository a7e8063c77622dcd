package io.gureum.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * The one relational store: H2 (embedded file, the laptop default) or PostgreSQL (scale-out).
 * Both run the same Flyway migrations and the same SQL, so every store is written once.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;

    public enum Dialect { H2, POSTGRESQL }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the database at {@code url} and brings its schema up to date. */
    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("gureum-db");
        Dialect dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, dialect);
    }

    /**
     * The embedded default: an H2 file under {@code dir}. AUTO_SERVER lets the CLI
     * ({@code gureum keys create}) open the same file while the server runs. WRITE_DELAY=0 writes
     * every commit to the file before it returns: H2's default keeps commits in memory for up to
     * half a second, and an operation we answered 202 for would not survive the process being killed.
     * The {@code async:} file system (an AsynchronousFileChannel) is immune to thread interrupts: with the
     * default one, a thread interrupted during a write (a pool shut down, Jetty abandoning a request)
     * closes the channel and with it the whole database, which a test run caught.
     */
    public static String h2FileUrl(Path dir) {
        return "jdbc:h2:async:" + dir.resolve("gureum").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() { return jdbi; }
    public Dialect dialect() { return dialect; }
    public DataSource dataSource() { return dataSource; }

    /** True when the database answers a trivial query (for /readyz). */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
