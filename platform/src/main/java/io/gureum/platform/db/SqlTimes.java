package io.gureum.platform.db;

import org.jdbi.v3.core.argument.Argument;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from TIMESTAMP WITH TIME ZONE, the same on H2 and PostgreSQL: bound as UTC
 * {@link OffsetDateTime} so neither the JVM's nor the session's time zone plays a part.
 */
public final class SqlTimes {
    private SqlTimes() {}

    /** The clock's now, cut to microseconds: what both databases store, so a row read back equals the one written. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public static Argument at(Instant instant) {
        OffsetDateTime value = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
