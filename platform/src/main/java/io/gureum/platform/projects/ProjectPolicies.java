package io.gureum.platform.projects;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-project policies that admins set, read on the hot path of every face call. Like keys in the
 * Authenticator, they are cached for {@link #CACHE_TTL}: a change on this node applies at once, and
 * other nodes see it within that time.
 */
public final class ProjectPolicies {
    /** The face attributes a policy can disable: the ones the clouds treat as sensitive. */
    public static final List<String> FACE_ATTRIBUTES = List.of("age", "gender", "emotion");
    static final Duration CACHE_TTL = Duration.ofSeconds(2);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ProjectPolicy policy, Instant loadedAt) {}

    public ProjectPolicies(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** The project's policy; the defaults when none was set (the project's existence is the caller's check). */
    public ProjectPolicy policy(String projectId) {
        Instant now = clock.instant();
        Cached c = cache.get(projectId);
        if (c == null || c.loadedAt.plus(CACHE_TTL).isBefore(now)) {
            c = new Cached(load(projectId), now);
            cache.put(projectId, c);
        }
        return c.policy;
    }

    public Set<String> disabledFaceAttributes(String projectId) {
        return policy(projectId).disabledFaceAttributes();
    }

    /** Replaces the project's disabled face attributes (422 for an unknown name, 404 for an unknown project). */
    public ProjectPolicy setDisabledFaceAttributes(String projectId, Set<String> attributes) {
        if (attributes == null) throw Problem.invalid("disabledFaceAttributes is required (an empty list enables all)");
        for (String a : attributes) {
            if (a == null || !FACE_ATTRIBUTES.contains(a)) {
                throw Problem.invalid("unknown face attribute '" + a + "'; known: " + String.join(", ", FACE_ATTRIBUTES));
            }
        }
        ProjectPolicy policy = new ProjectPolicy(projectId, canonical(attributes), clock.instant().truncatedTo(ChronoUnit.MICROS));
        String column = String.join(",", policy.disabledFaceAttributes());
        jdbi.useHandle(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM projects WHERE id = :p").bind("p", projectId).mapTo(Integer.class).one() == 0) {
                throw Problem.notFound("No project with id '" + projectId + "'.");
            }
            // update, else insert: the one upsert H2 and PostgreSQL share; a racing insert loses to the update retry
            if (update(h, projectId, column, policy.updatedAt()) == 0) {
                try {
                    h.createUpdate("INSERT INTO project_policies (project_id, disabled_face_attributes, updated_at) VALUES (:p, :a, :at)")
                            .bind("p", projectId).bind("a", column).bind("at", policy.updatedAt()).execute();
                } catch (UnableToExecuteStatementException e) {
                    if (update(h, projectId, column, policy.updatedAt()) == 0) throw e;
                }
            }
        });
        cache.remove(projectId);
        return policy;
    }

    private static int update(Handle h, String projectId, String column, Instant at) {
        return h.createUpdate("UPDATE project_policies SET disabled_face_attributes = :a, updated_at = :at WHERE project_id = :p")
                .bind("a", column).bind("at", at).bind("p", projectId).execute();
    }

    private ProjectPolicy load(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT disabled_face_attributes, updated_at FROM project_policies WHERE project_id = :p")
                .bind("p", projectId)
                .map((rs, ctx) -> new ProjectPolicy(projectId,
                        canonical(Arrays.asList(rs.getString(1).split(","))),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .findOne()
                .orElse(new ProjectPolicy(projectId, Set.of(), null)));
    }

    /** Known names only, in {@link #FACE_ATTRIBUTES} order, so the stored text and the answers are stable. */
    private static Set<String> canonical(Collection<String> attributes) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : FACE_ATTRIBUTES) if (attributes.contains(a)) out.add(a);
        return Collections.unmodifiableSet(out);
    }
}
