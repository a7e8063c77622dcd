package io.gureum.platform.bots;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.SqlTimes;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversation sessions in the database, so a conversation survives restarts and may go to any node.
 *
 * <p>Saving is optimistic: a caller reads a session, handles the message without holding a lock (a fulfillment
 * webhook may take seconds), then saves naming the turn count it read. If another message on the same session saved
 * first, the save is refused with 409 {@code session_busy} and nothing is lost: the caller's message was not taken
 * and can be sent again.
 */
public final class BotSessionStore {
    public static final int MAX_STATE_CHARS = 65_536;
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Jdbi jdbi;
    private final Clock clock;

    public BotSessionStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** @throws Problem 422 when {@code sessionId} is not 1-128 of letters, digits, '.', '_', '-' */
    public static String checkSessionId(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw Problem.invalid("sessionId must be 1-128 letters, digits, '.', '_' or '-'");
        }
        return sessionId;
    }

    /** The session's row, expired or not; empty when there is none. */
    public Optional<StoredSession> find(String projectId, String botId, String sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM bot_sessions WHERE project_id = :p AND bot_id = :b AND session_id = :s")
                .bind("p", projectId).bind("b", botId).bind("s", sessionId).map(BotSessionStore::map).findOne());
    }

    /**
     * Saves the state after a message and pushes the expiry to {@code ttl} from now.
     *
     * @param readTurns the turn count of the row read before handling the message, or -1 when there was none
     * @throws Problem 409 {@code session_busy} when another message on the session was saved since it was read
     */
    public StoredSession save(String projectId, String botId, String sessionId, int botVersion, String state, int readTurns, Duration ttl) {
        if (state.length() > MAX_STATE_CHARS) throw new IllegalStateException("dialog state over " + MAX_STATE_CHARS + " characters");
        Instant now = SqlTimes.now(clock);
        Instant expires = now.plus(ttl);
        int updated;
        try {
            updated = jdbi.withHandle(h -> readTurns < 0
                    ? h.createUpdate("""
                                    INSERT INTO bot_sessions (project_id, bot_id, session_id, bot_version, state, turns, created_at, updated_at, expires_at)
                                    VALUES (:p, :b, :s, :v, :state, 1, :now, :now, :exp)""")
                    .bind("p", projectId).bind("b", botId).bind("s", sessionId).bind("v", botVersion).bind("state", state)
                    .bind("now", SqlTimes.at(now)).bind("exp", SqlTimes.at(expires)).execute()
                    : h.createUpdate("""
                                    UPDATE bot_sessions SET bot_version = :v, state = :state, turns = :next, updated_at = :now, expires_at = :exp
                                    WHERE project_id = :p AND bot_id = :b AND session_id = :s AND turns = :read""")
                    .bind("p", projectId).bind("b", botId).bind("s", sessionId).bind("v", botVersion).bind("state", state)
                    .bind("next", readTurns + 1).bind("read", readTurns).bind("now", SqlTimes.at(now)).bind("exp", SqlTimes.at(expires))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            // the primary key refused a second first message racing this one (or the bot was deleted meanwhile)
            updated = 0;
        }
        if (updated == 0) {
            throw Problem.conflict("session_busy", "Another message on session '" + sessionId
                    + "' was handled while this one was; this message was not taken. Send it again.");
        }
        return find(projectId, botId, sessionId).orElseThrow();
    }

    /** Ends a session. @throws Problem 404 when there is none (or it has expired) */
    public void delete(String projectId, String botId, String sessionId) {
        Instant now = SqlTimes.now(clock);
        int deleted = jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM bot_sessions WHERE project_id = :p AND bot_id = :b AND session_id = :s AND expires_at > :now")
                .bind("p", projectId).bind("b", botId).bind("s", sessionId).bind("now", SqlTimes.at(now)).execute());
        if (deleted == 0) throw Problem.notFound("No session '" + sessionId + "' for this bot (it may have expired).");
    }

    /** Deletes up to {@code limit} sessions whose time has passed; returns how many. */
    public int deleteExpired(int limit) {
        Instant now = SqlTimes.now(clock);
        return jdbi.withHandle(h -> {
            var expired = h.createQuery("SELECT project_id, bot_id, session_id FROM bot_sessions WHERE expires_at <= :now ORDER BY expires_at")
                    .bind("now", SqlTimes.at(now)).setMaxRows(limit)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
            int n = 0;
            for (String[] k : expired) {
                n += h.createUpdate("DELETE FROM bot_sessions WHERE project_id = :p AND bot_id = :b AND session_id = :s AND expires_at <= :now")
                        .bind("p", k[0]).bind("b", k[1]).bind("s", k[2]).bind("now", SqlTimes.at(now)).execute();
            }
            return n;
        });
    }

    private static StoredSession map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredSession(rs.getString("project_id"), rs.getString("bot_id"), rs.getString("session_id"), rs.getInt("bot_version"),
                rs.getString("state"), rs.getInt("turns"), SqlTimes.read(rs, "created_at"), SqlTimes.read(rs, "updated_at"),
                SqlTimes.read(rs, "expires_at"));
    }
}
