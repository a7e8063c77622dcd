package io.gureum.platform.projects;

import java.time.Instant;

/** A tenant: keys, usage and operations belong to one project. */
public record Project(String id, String name, String webhookSecret, Instant createdAt) {
    /** The project that holds the admin key created on first start. */
    public static final String ADMIN_PROJECT_NAME = "admin";
}
