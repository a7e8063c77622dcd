package io.gureum.server.models;

import io.gureum.runtime.models.ModelStatus;
import io.gureum.runtime.models.ModelStore;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.Map;

/** {@code GET /v1/models}: the catalog and what of it this server has installed. Any valid key may read it. */
public final class ModelRoutes {
    private final ModelStore store;

    public ModelRoutes(ModelStore store) {
        this.store = store;
    }

    record ModelView(String id, String version, String task, String description, String licence, String licenceUrl,
                     String source, boolean isDefault, boolean installed, long sizeBytes, String installCommand) {
        static ModelView of(ModelStatus s) {
            var p = s.pack();
            return new ModelView(p.id(), p.version(), p.task(), p.description(), p.licence(), p.licenceUrl(), p.source(),
                    p.isDefault(), s.installed(), s.sizeBytes(), s.installed() ? null : p.installCommand());
        }
    }

    public void register(Javalin app) {
        app.get("/v1/models", this::list);
    }

    private void list(Context ctx) {
        String task = ctx.queryParam("task");
        ctx.json(Map.of("models", store.list().stream()
                .filter(s -> task == null || s.pack().task().equals(task))
                .map(ModelView::of).toList()));
    }
}
