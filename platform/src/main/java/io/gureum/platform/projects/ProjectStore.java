package io.gureum.platform.projects;

import io.gureum.core.Problem;
import io.gureum.platform.Ids;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

public final class ProjectStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}");

    private final Jdbi jdbi;
    private final Clock clock;

    public ProjectStore(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    public Project create(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problem.invalid("project name must be 1-100 characters: letters, digits, '.', '_', '-', ' '; starting with a letter or digit");
        }
        Project p = new Project(Ids.newId("prj"), name, Ids.random(32), clock.instant());
        try {
            jdbi.useHandle(h -> h.createUpdate(
                            "INSERT INTO projects (id, name, webhook_secret, created_at) VALUES (:id, :name, :secret, :createdAt)")
                    .bind("id", p.id()).bind("name", p.name()).bind("secret", p.webhookSecret())
                    .bind("createdAt", p.createdAt())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (findByName(name).isPresent()) throw Problem.conflict("project_exists", "a project named '" + name + "' already exists");
            throw e;
        }
        return p;
    }

    public Optional<Project> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM projects WHERE id = :id")
                .bind("id", id).map(ProjectStore::map).findOne());
    }

    public Optional<Project> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM projects WHERE name = :name")
                .bind("name", name).map(ProjectStore::map).findOne());
    }

    public List<Project> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM projects ORDER BY created_at")
                .map(ProjectStore::map).list());
    }

    /** The project by name, created when absent (CLI and first start). */
    public Project findOrCreate(String name) {
        return findByName(name).orElseGet(() -> {
            try {
                return create(name);
            } catch (Problem e) {
                return findByName(name).orElseThrow(() -> e);
            }
        });
    }

    private static Project map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Project(rs.getString("id"), rs.getString("name"), rs.getString("webhook_secret"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
