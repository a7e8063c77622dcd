package io.gureum.server.automl;

import io.gureum.automl.model.RowPrediction;
import io.gureum.automl.model.ScoringModel;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.automl.StoredModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved AutoML models loaded for scoring, kept once loaded (a saved model never changes); past
 * {@value #CACHED_MODELS} the least recently used is closed (boosters hold native memory). A model scores one batch
 * at a time: the boosting libraries' predictors are not documented as safe to call from several threads at once.
 */
public final class ScoringModels implements AutoCloseable {
    static final int CACHED_MODELS = 16;

    private record Key(String projectId, String modelId) {}

    private final AutomlStore store;
    private final Map<Key, ScoringModel> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ScoringModel> eldest) {
            if (size() <= CACHED_MODELS) return false;
            synchronized (eldest.getValue()) {
                eldest.getValue().close();
            }
            return true;
        }
    };

    public ScoringModels(AutomlStore store) {
        this.store = store;
    }

    /** Scores rows with a saved model: a prediction or an error per row, in order. */
    public List<RowPrediction> predict(StoredModel stored, List<Map<String, Object>> rows) {
        ScoringModel model = load(stored);
        synchronized (model) {
            return model.predict(rows);
        }
    }

    private ScoringModel load(StoredModel stored) {
        Key key = new Key(stored.projectId(), stored.modelId());
        synchronized (cache) {
            ScoringModel cached = cache.get(key);
            if (cached != null) return cached;
            ScoringModel loaded = ScoringModel.parse(store.modelBytes(stored));
            cache.put(key, loaded);
            return loaded;
        }
    }

    @Override
    public void close() {
        synchronized (cache) {
            cache.values().forEach(ScoringModel::close);
            cache.clear();
        }
    }
}
