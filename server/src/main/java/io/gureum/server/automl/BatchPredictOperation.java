package io.gureum.server.automl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.CsvReader;
import io.gureum.automl.data.Table;
import io.gureum.automl.model.RowPrediction;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a CSV file with a saved model, in chunks, reporting progress; the result holds one prediction per data row. */
public final class BatchPredictOperation implements OperationHandler {
    public static final String KIND = "automl.batch-predict";
    private static final int CHUNK = 2_000;

    public record Input(String modelId, byte[] csv) {}

    public record Output(String modelId, int rows, int failedRows, List<AutomlModelRoutes.PredictionView> predictions) {}

    private final AutomlStore store;
    private final ScoringModels models;
    private final ObjectMapper json;

    public BatchPredictOperation(AutomlStore store, ScoringModels models, ObjectMapper json) {
        this.store = store;
        this.models = models;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        Input in = json.readValue(context.input(), Input.class);
        var model = store.model(context.projectId(), in.modelId());
        Table table = new CsvReader(CsvOptions.defaults()).read(new ByteArrayInputStream(in.csv()));
        List<Map<String, String>> rows = table.preview(table.rowCount());
        List<AutomlModelRoutes.PredictionView> out = new ArrayList<>(rows.size());
        int failed = 0;
        for (int start = 0; start < rows.size(); start += CHUNK) {
            if (context.canceled()) return new byte[0];
            List<Map<String, Object>> chunk = rows.subList(start, Math.min(rows.size(), start + CHUNK)).stream()
                    .map(row -> (Map<String, Object>) new LinkedHashMap<String, Object>(row)).toList();
            for (RowPrediction p : models.predict(model, chunk)) {
                if (!p.ok()) failed++;
                out.add(AutomlModelRoutes.PredictionView.of(p));
            }
            context.progress((double) out.size() / rows.size());
        }
        return json.writeValueAsBytes(new Output(in.modelId(), rows.size(), failed, out));
    }
}
