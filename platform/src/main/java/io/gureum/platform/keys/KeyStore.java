package io.gureum.platform.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.Ids;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** API keys in the database: created with a one-time secret, looked up by the secret's hash, revoked. */
public final class KeyStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> QUOTAS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final Clock clock;

    public KeyStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    public CreatedKey create(NewKey request) {
        validate(request);
        String secret = KeySecrets.newSecret();
        ApiKey key = new ApiKey(Ids.newId("key"), request.projectId(), request.name(), KeySecrets.displayPrefix(secret),
                Set.copyOf(request.scopes()), request.expiresAt(), null, request.rateLimit(),
                request.quotas() == null ? Map.of() : Map.copyOf(request.quotas()), clock.instant());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO api_keys (id, project_id, name, secret_prefix, secret_hash, scopes, expires_at,
                                              requests_per_second, burst, quotas, created_at)
                        VALUES (:id, :projectId, :name, :prefix, :hash, :scopes, :expiresAt, :rps, :burst, :quotas, :createdAt)""")
                .bind("id", key.id()).bind("projectId", key.projectId()).bind("name", key.name())
                .bind("prefix", key.secretPrefix()).bind("hash", KeySecrets.hash(secret))
                .bind("scopes", String.join(" ", new java.util.TreeSet<>(key.scopes())))
                .bind("expiresAt", key.expiresAt())
                .bind("rps", key.rateLimit() == null ? null : key.rateLimit().requestsPerSecond())
                .bind("burst", key.rateLimit() == null ? null : key.rateLimit().burst())
                .bind("quotas", toJson(key.quotas()))
                .bind("createdAt", key.createdAt())
                .execute());
        return new CreatedKey(key, secret);
    }

    /** The key whose secret this is, whatever its state (the caller decides about revoked/expired). */
    public Optional<ApiKey> findBySecret(String secret) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE secret_hash = :hash")
                .bind("hash", KeySecrets.hash(secret)).map(KeyStore::map).findOne());
    }

    public Optional<ApiKey> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE id = :id")
                .bind("id", id).map(KeyStore::map).findOne());
    }

    public List<ApiKey> list(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE project_id = :p ORDER BY created_at")
                .bind("p", projectId).map(KeyStore::map).list());
    }

    /** Marks the key revoked; returns it (already-revoked keys keep their first revocation time). */
    public ApiKey revoke(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", clock.instant()).bind("id", id).execute());
        return find(id).orElseThrow(() -> Problem.notFound("no key with id '" + id + "'"));
    }

    private void validate(NewKey r) {
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) throw Problem.invalid("key name must be 1-200 characters");
        if (r.scopes() == null || r.scopes().isEmpty()) throw Problem.invalid("scopes must name at least one of: " + knownScopes());
        for (String s : r.scopes()) {
            if (!knownScopes().contains(s)) throw Problem.invalid("unknown scope '" + s + "'; known scopes: " + knownScopes());
        }
        if (r.expiresAt() != null && !r.expiresAt().isAfter(clock.instant())) throw Problem.invalid("expiresAt must be in the future");
        if (r.quotas() != null) {
            r.quotas().forEach((service, units) -> {
                if (Service.byScope(service).isEmpty()) throw Problem.invalid("quotas: unknown service '" + service + "'");
                if (units == null || units < 0) throw Problem.invalid("quotas." + service + " must be a number >= 0");
            });
        }
    }

    public static Set<String> knownScopes() {
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(Service.values()).forEach(v -> s.add(v.scope()));
        s.add(ApiKey.ADMIN_SCOPE);
        return s;
    }

    private static String toJson(Map<String, Long> quotas) {
        try {
            return quotas.isEmpty() ? null : JSON.writeValueAsString(quotas);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        double rps = rs.getDouble("requests_per_second");
        RateLimit limit = rs.wasNull() ? null : new RateLimit(rps, rs.getInt("burst"));
        Map<String, Long> quotas;
        try {
            String q = rs.getString("quotas");
            quotas = q == null ? Map.of() : Map.copyOf(JSON.readValue(q, QUOTAS));
        } catch (JsonProcessingException e) {
            throw new SQLException("corrupt quotas column for key " + rs.getString("id"), e);
        }
        return new ApiKey(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getString("secret_prefix"), Set.of(rs.getString("scopes").split(" ")),
                instant(rs, "expires_at"), instant(rs, "revoked_at"), limit, quotas, instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
