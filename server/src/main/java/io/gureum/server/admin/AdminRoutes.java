package io.gureum.server.admin;

import io.gureum.core.Problem;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.keys.Authenticator;
import io.gureum.platform.keys.CreatedKey;
import io.gureum.platform.keys.KeyStore;
import io.gureum.platform.keys.NewKey;
import io.gureum.platform.keys.RateLimit;
import io.gureum.platform.projects.Project;
import io.gureum.platform.projects.ProjectStore;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Projects and keys: the admin API. Creating projects and keys needs the admin scope; listing a project's keys its own. */
public final class AdminRoutes {
    private final ProjectStore projects;
    private final KeyStore keys;
    private final Authenticator authenticator;
    private final JsonBodies bodies;

    public AdminRoutes(ProjectStore projects, KeyStore keys, Authenticator authenticator, JsonBodies bodies) {
        this.projects = projects;
        this.keys = keys;
        this.authenticator = authenticator;
        this.bodies = bodies;
    }

    record CreateProject(String name) {}

    record ProjectView(String id, String name, Instant createdAt, String webhookSecret) {
        static ProjectView of(Project p) { return new ProjectView(p.id(), p.name(), p.createdAt(), p.webhookSecret()); }
    }

    record CreateKey(String name, List<String> scopes, Instant expiresAt, RateLimitBody rateLimit, Map<String, Long> quotas) {}

    record RateLimitBody(Double requestsPerSecond, Integer burst) {
        RateLimit toRateLimit() {
            if (requestsPerSecond == null) throw Problem.invalid("rateLimit.requestsPerSecond is required");
            int b = burst != null ? burst : (int) Math.max(1, Math.ceil(requestsPerSecond));
            return new RateLimit(requestsPerSecond, b);
        }
    }

    record KeyView(String id, String projectId, String name, String prefix, List<String> scopes, Instant expiresAt,
                   Instant revokedAt, RateLimit rateLimit, Map<String, Long> quotas, Instant createdAt, String secret) {
        static KeyView of(ApiKey k, String secret) {
            return new KeyView(k.id(), k.projectId(), k.name(), k.secretPrefix(), List.copyOf(new TreeSet<>(k.scopes())),
                    k.expiresAt(), k.revokedAt(), k.rateLimit(), k.quotas(), k.createdAt(), secret);
        }
    }

    public void register(Javalin app) {
        app.post("/v1/projects", this::createProject);
        app.get("/v1/projects", this::listProjects);
        app.get("/v1/projects/{projectId}", this::getProject);
        app.post("/v1/projects/{projectId}/keys", this::createKey);
        app.get("/v1/projects/{projectId}/keys", this::listKeys);
        app.delete("/v1/keys/{keyId}", this::revokeKey);
    }

    private void createProject(Context ctx) {
        ApiAccess.requireAdmin(ctx);
        CreateProject body = bodies.read(ctx, CreateProject.class);
        ctx.status(201).json(ProjectView.of(projects.create(body.name())));
    }

    private void listProjects(Context ctx) {
        ApiAccess.requireAdmin(ctx);
        ctx.json(Map.of("projects", projects.list().stream().map(ProjectView::of).toList()));
    }

    private void getProject(Context ctx) {
        Project p = project(ctx);
        ctx.json(ProjectView.of(p));
    }

    private void createKey(Context ctx) {
        ApiAccess.requireAdmin(ctx);
        Project p = project(ctx);
        CreateKey body = bodies.read(ctx, CreateKey.class);
        CreatedKey created = keys.create(new NewKey(p.id(), body.name(),
                body.scopes() == null ? java.util.Set.of() : new HashSet<>(body.scopes()), body.expiresAt(),
                body.rateLimit() == null ? null : body.rateLimit().toRateLimit(),
                body.quotas() == null ? Map.of() : body.quotas()));
        ctx.status(201).json(KeyView.of(created.key(), created.secret()));
    }

    private void listKeys(Context ctx) {
        Project p = project(ctx);
        ctx.json(Map.of("keys", keys.list(p.id()).stream().map(k -> KeyView.of(k, null)).toList()));
    }

    private void revokeKey(Context ctx) {
        String keyId = ctx.pathParam("keyId");
        ApiKey target = keys.find(keyId).orElseThrow(() -> Problem.notFound("No key with id '" + keyId + "'."));
        ApiAccess.requireAdmin(ctx);
        ctx.json(KeyView.of(authenticator.revoke(target.id()), null));
    }

    private Project project(Context ctx) {
        String id = ctx.pathParam("projectId");
        ApiAccess.requireProject(ctx, id);
        return projects.find(id).orElseThrow(() -> Problem.notFound("No project with id '" + id + "'."));
    }

}
