package io.gureum.platform.bots;

import io.gureum.core.Problem;
import io.gureum.platform.Ids;
import io.gureum.platform.blobs.BlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.SqlTimes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Bots per project: the draft definition, trained versions with their models, and which version is published.
 *
 * <p>Documents (definitions, models) go to the blob store under a key that is never reused, written before the row
 * that names them, so a reader never meets a row whose blob is missing; blobs a change leaves behind are deleted after
 * it commits. This store keeps definitions as opaque JSON: checking them is the chatbot module's job.
 *
 * <p>Errors: an unknown bot or version is 404 {@code not_found}; a draft edited since the revision a caller names is
 * 409 {@code revision_mismatch}; more than {@link #MAX_BOTS_PER_PROJECT} bots is 409 {@code bot_limit_reached}.
 */
public final class BotStore {
    public static final int MAX_BOTS_PER_PROJECT = 1_000;

    private final Jdbi jdbi;
    private final BlobStore blobs;
    private final Clock clock;

    public BotStore(Database db, BlobStore blobs, Clock clock) {
        this.jdbi = db.jdbi();
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Creates a bot whose draft is {@code definition} (JSON). */
    public StoredBot create(String projectId, String name, String locale, byte[] definition) {
        String botId = Ids.newId("bot");
        String key = draftKey(projectId, botId, 1);
        blobs.put(key, definition);
        Instant now = SqlTimes.now(clock);
        try {
            return jdbi.inTransaction(h -> {
                h.createQuery("SELECT id FROM projects WHERE id = :p FOR UPDATE").bind("p", projectId).mapTo(String.class)
                        .findOne().orElseThrow(() -> Problem.notFound("No project with id '" + projectId + "'."));
                int count = h.createQuery("SELECT COUNT(*) FROM bots WHERE project_id = :p").bind("p", projectId).mapTo(Integer.class).one();
                if (count >= MAX_BOTS_PER_PROJECT) {
                    throw Problem.conflict("bot_limit_reached", "A project holds at most " + MAX_BOTS_PER_PROJECT + " bots; delete one first.");
                }
                h.createUpdate("""
                                INSERT INTO bots (project_id, bot_id, name, locale, draft_revision, draft_key, draft_sha256, next_version,
                                                  published_version, created_at, updated_at)
                                VALUES (:p, :b, :name, :locale, 1, :key, :sha, 1, NULL, :now, :now)""")
                        .bind("p", projectId).bind("b", botId).bind("name", name).bind("locale", locale).bind("key", key)
                        .bind("sha", sha256(definition)).bind("now", SqlTimes.at(now)).execute();
                return find(h, projectId, botId);
            });
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
    }

    public StoredBot get(String projectId, String botId) {
        return jdbi.withHandle(h -> require(h, projectId, botId));
    }

    /** The project's bots, newest first. */
    public List<StoredBot> list(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM bots WHERE project_id = :p ORDER BY created_at DESC, bot_id")
                .bind("p", projectId).map(BotStore::mapBot).list());
    }

    /** The draft's definition (JSON). */
    public byte[] draft(StoredBot bot) {
        return blobs.get(bot.draftKey()).orElseThrow(() -> new IllegalStateException("draft blob missing: " + bot.draftKey()));
    }

    /**
     * Replaces the draft.
     *
     * @param expectedRevision the revision the caller edited, or null to overwrite whatever is there
     */
    public StoredBot replaceDraft(String projectId, String botId, String name, String locale, byte[] definition, Integer expectedRevision) {
        StoredBot before = get(projectId, botId);
        int revision = before.draftRevision() + 1;
        String key = draftKey(projectId, botId, revision);
        blobs.put(key, definition);
        StoredBot after;
        try {
            after = jdbi.inTransaction(h -> {
                StoredBot locked = h.createQuery("SELECT * FROM bots WHERE project_id = :p AND bot_id = :b FOR UPDATE")
                        .bind("p", projectId).bind("b", botId).map(BotStore::mapBot).findOne()
                        .orElseThrow(() -> notFound(botId));
                if (locked.draftRevision() != before.draftRevision() || expectedRevision != null && expectedRevision != locked.draftRevision()) {
                    throw Problem.conflict("revision_mismatch", "The bot's draft is at revision " + locked.draftRevision()
                            + (expectedRevision == null ? ", changed while this update ran" : ", not " + expectedRevision)
                            + "; read it again and retry.");
                }
                h.createUpdate("""
                                UPDATE bots SET name = :name, locale = :locale, draft_revision = :rev, draft_key = :key, draft_sha256 = :sha,
                                                updated_at = :now WHERE project_id = :p AND bot_id = :b""")
                        .bind("p", projectId).bind("b", botId).bind("name", name).bind("locale", locale).bind("rev", revision)
                        .bind("key", key).bind("sha", sha256(definition)).bind("now", SqlTimes.at(SqlTimes.now(clock))).execute();
                return find(h, projectId, botId);
            });
        } catch (RuntimeException e) {
            blobs.delete(key);
            throw e;
        }
        blobs.delete(before.draftKey());
        return after;
    }

    /** Deletes the bot, its versions and sessions, then their blobs. */
    public void delete(String projectId, String botId) {
        List<String> keys = new ArrayList<>();
        jdbi.useTransaction(h -> {
            StoredBot bot = require(h, projectId, botId);
            keys.add(bot.draftKey());
            for (BotVersion v : versions(h, projectId, botId)) {
                keys.add(v.definitionKey());
                keys.add(v.modelKey());
            }
            h.createUpdate("DELETE FROM bots WHERE project_id = :p AND bot_id = :b").bind("p", projectId).bind("b", botId).execute();
        });
        keys.forEach(blobs::delete);
    }

    /** Hands out the number the next trained version will have. */
    public int reserveVersion(String projectId, String botId) {
        return jdbi.inTransaction(h -> {
            StoredBot bot = h.createQuery("SELECT * FROM bots WHERE project_id = :p AND bot_id = :b FOR UPDATE")
                    .bind("p", projectId).bind("b", botId).map(BotStore::mapBot).findOne().orElseThrow(() -> notFound(botId));
            h.createUpdate("UPDATE bots SET next_version = :n WHERE project_id = :p AND bot_id = :b")
                    .bind("n", bot.nextVersion() + 1).bind("p", projectId).bind("b", botId).execute();
            return bot.nextVersion();
        });
    }

    /**
     * Records a trained version and, when {@code publish}, makes it the published one. Safe to repeat (a training
     * that runs twice after a crash): a version already recorded is returned as it is.
     *
     * @throws Problem 404 when the bot was deleted meanwhile
     */
    public BotVersion addVersion(String projectId, String botId, int version, byte[] definition, byte[] model, String modelCard,
                                 boolean publish) {
        String definitionKey = "bots/" + projectId + "/" + botId + "/v" + version + "/definition.json";
        String modelKey = "bots/" + projectId + "/" + botId + "/v" + version + "/model.bin";
        BotVersion recorded = jdbi.withHandle(h -> findVersion(h, projectId, botId, version));
        if (recorded != null) return recorded;
        blobs.put(definitionKey, definition);
        blobs.put(modelKey, model);
        BotVersion added = jdbi.inTransaction(h -> {
            require(h, projectId, botId);
            BotVersion existing = findVersion(h, projectId, botId, version);
            if (existing != null) return existing;
            Instant now = SqlTimes.now(clock);
            h.createUpdate("""
                            INSERT INTO bot_versions (project_id, bot_id, version, definition_key, definition_sha256, model_key, model_card, created_at)
                            VALUES (:p, :b, :v, :dk, :ds, :mk, :card, :now)""")
                    .bind("p", projectId).bind("b", botId).bind("v", version).bind("dk", definitionKey).bind("ds", sha256(definition))
                    .bind("mk", modelKey).bind("card", modelCard).bind("now", SqlTimes.at(now)).execute();
            if (publish) {
                h.createUpdate("UPDATE bots SET published_version = :v, updated_at = :now WHERE project_id = :p AND bot_id = :b")
                        .bind("v", version).bind("now", SqlTimes.at(now)).bind("p", projectId).bind("b", botId).execute();
            }
            return findVersion(h, projectId, botId, version);
        });
        return added;
    }

    /** Makes {@code version} (an existing trained one) the published version: a rollback, or publishing one trained unpublished. */
    public StoredBot publish(String projectId, String botId, int version) {
        return jdbi.inTransaction(h -> {
            require(h, projectId, botId);
            if (findVersion(h, projectId, botId, version) == null) {
                throw Problem.notFound("Bot '" + botId + "' has no trained version " + version + ".");
            }
            h.createUpdate("UPDATE bots SET published_version = :v, updated_at = :now WHERE project_id = :p AND bot_id = :b")
                    .bind("v", version).bind("now", SqlTimes.at(SqlTimes.now(clock))).bind("p", projectId).bind("b", botId).execute();
            return find(h, projectId, botId);
        });
    }

    /** Trained versions, oldest first. */
    public List<BotVersion> versions(String projectId, String botId) {
        return jdbi.withHandle(h -> {
            require(h, projectId, botId);
            return versions(h, projectId, botId);
        });
    }

    public BotVersion version(String projectId, String botId, int version) {
        return jdbi.withHandle(h -> {
            require(h, projectId, botId);
            BotVersion v = findVersion(h, projectId, botId, version);
            if (v == null) throw Problem.notFound("Bot '" + botId + "' has no trained version " + version + ".");
            return v;
        });
    }

    public byte[] definition(BotVersion version) {
        return blobs.get(version.definitionKey()).orElseThrow(() -> new IllegalStateException("definition blob missing: " + version.definitionKey()));
    }

    public byte[] model(BotVersion version) {
        return blobs.get(version.modelKey()).orElseThrow(() -> new IllegalStateException("model blob missing: " + version.modelKey()));
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String draftKey(String projectId, String botId, int revision) {
        return "bots/" + projectId + "/" + botId + "/draft-" + revision + ".json";
    }

    private static Problem notFound(String botId) {
        return Problem.notFound("No bot with id '" + botId + "' in this project.");
    }

    private static StoredBot require(Handle h, String projectId, String botId) {
        StoredBot bot = find(h, projectId, botId);
        if (bot == null) throw notFound(botId);
        return bot;
    }

    private static StoredBot find(Handle h, String projectId, String botId) {
        return h.createQuery("SELECT * FROM bots WHERE project_id = :p AND bot_id = :b").bind("p", projectId).bind("b", botId)
                .map(BotStore::mapBot).findOne().orElse(null);
    }

    private static List<BotVersion> versions(Handle h, String projectId, String botId) {
        return h.createQuery("SELECT * FROM bot_versions WHERE project_id = :p AND bot_id = :b ORDER BY version")
                .bind("p", projectId).bind("b", botId).map(BotStore::mapVersion).list();
    }

    private static BotVersion findVersion(Handle h, String projectId, String botId, int version) {
        return h.createQuery("SELECT * FROM bot_versions WHERE project_id = :p AND bot_id = :b AND version = :v")
                .bind("p", projectId).bind("b", botId).bind("v", version).map(BotStore::mapVersion).findOne().orElse(null);
    }

    private static StoredBot mapBot(ResultSet rs, StatementContext ctx) throws SQLException {
        int published = rs.getInt("published_version");
        Integer publishedVersion = rs.wasNull() ? null : published;
        return new StoredBot(rs.getString("project_id"), rs.getString("bot_id"), rs.getString("name"), rs.getString("locale"),
                rs.getInt("draft_revision"), rs.getString("draft_key"), rs.getString("draft_sha256"), rs.getInt("next_version"),
                publishedVersion, SqlTimes.read(rs, "created_at"), SqlTimes.read(rs, "updated_at"));
    }

    private static BotVersion mapVersion(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BotVersion(rs.getString("project_id"), rs.getString("bot_id"), rs.getInt("version"), rs.getString("definition_key"),
                rs.getString("definition_sha256"), rs.getString("model_key"), rs.getString("model_card"), SqlTimes.read(rs, "created_at"));
    }
}
