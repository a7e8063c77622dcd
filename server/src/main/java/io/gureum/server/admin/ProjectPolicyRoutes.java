package io.gureum.server.admin;

import io.gureum.core.Problem;
import io.gureum.platform.projects.ProjectPolicies;
import io.gureum.platform.projects.ProjectPolicy;
import io.gureum.platform.projects.ProjectStore;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A project's policy: which face attributes (age, gender, emotion) its calls may never get. Admin only,
 * both ways: the policy exists to restrict what the project's own keys can do.
 */
public final class ProjectPolicyRoutes {
    private final ProjectStore projects;
    private final ProjectPolicies policies;
    private final JsonBodies bodies;

    public ProjectPolicyRoutes(ProjectStore projects, ProjectPolicies policies, JsonBodies bodies) {
        this.projects = projects;
        this.policies = policies;
        this.bodies = bodies;
    }

    record PolicyBody(List<String> disabledFaceAttributes) {}

    record PolicyView(String projectId, List<String> disabledFaceAttributes, Instant updatedAt) {
        static PolicyView of(ProjectPolicy p) {
            return new PolicyView(p.projectId(), List.copyOf(p.disabledFaceAttributes()), p.updatedAt());
        }
    }

    public void register(Javalin app) {
        app.get("/v1/projects/{projectId}/policy", this::get);
        app.put("/v1/projects/{projectId}/policy", this::put);
    }

    private void get(Context ctx) {
        ctx.json(PolicyView.of(policies.policy(projectId(ctx))));
    }

    private void put(Context ctx) {
        String projectId = projectId(ctx);
        PolicyBody body = bodies.read(ctx, PolicyBody.class);
        if (body.disabledFaceAttributes() == null) {
            throw Problem.invalid("disabledFaceAttributes is required: a list of " + String.join(", ", ProjectPolicies.FACE_ATTRIBUTES)
                    + " (an empty list enables all)");
        }
        ctx.json(PolicyView.of(policies.setDisabledFaceAttributes(projectId, new HashSet<>(body.disabledFaceAttributes()))));
    }

    private String projectId(Context ctx) {
        ApiAccess.requireAdmin(ctx);
        String id = ctx.pathParam("projectId");
        projects.find(id).orElseThrow(() -> Problem.notFound("No project with id '" + id + "'."));
        return id;
    }
}
