package io.gureum.platform.automl;

import io.gureum.core.Problem;
import io.gureum.platform.blobs.FileBlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.projects.ProjectStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutomlStoreTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path blobDir;

    private static void assertProblem(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, e -> {
            assertThat(e.status()).as(e.detail()).isEqualTo(status);
            assertThat(e.code()).as(e.detail()).isEqualTo(code);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void datasetsExperimentsAndModelsPerProject(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, CLOCK).create("acme").id();
            String other = new ProjectStore(db, CLOCK).create("other").id();
            AutomlStore store = new AutomlStore(db, new FileBlobStore(blobDir), CLOCK);

            byte[] csv = "a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8);
            AutomlStore.Upload upload = store.newUpload(p);
            assertThat(store.storeUpload(upload, new ByteArrayInputStream(csv), 1_000)).isEqualTo(csv.length);
            StoredDataset ds = store.addDataset(p, upload, "tiny.csv", csv.length, 2, 2, 2, "[{\"name\":\"a\"}]", "[{\"a\":\"1\"}]");
            assertThat(ds.rowCount()).isEqualTo(2);
            assertThat(store.datasets(p)).extracting(StoredDataset::datasetId).containsExactly(ds.datasetId());
            assertThat(store.datasets(other)).isEmpty();
            assertProblem(() -> store.dataset(other, ds.datasetId()), 404, "not_found");
            try (InputStream in = store.openDataset(ds)) {
                assertThat(in.readAllBytes()).isEqualTo(csv);
            }

            StoredExperiment e = store.addExperiment(p, ds.datasetId(), "{\"target\":\"b\"}");
            assertThat(e.operationId()).isNull();
            assertThat(e.bestScore()).isNull();
            store.attachOperation(p, e.experimentId(), "op_1");
            store.progress(p, e.experimentId(), 3, 0.91);
            StoredExperiment running = store.experiment(p, e.experimentId());
            assertThat(running.operationId()).isEqualTo("op_1");
            assertThat(running.modelsTrained()).isEqualTo(3);
            assertThat(running.bestScore()).isEqualTo(0.91);
            store.finish(p, e.experimentId(), "{\"leaderboard\":[]}");
            assertThat(store.experiment(p, e.experimentId()).resultJson()).isEqualTo("{\"leaderboard\":[]}");
            assertProblem(() -> store.experiment(other, e.experimentId()), 404, "not_found");
            assertProblem(() -> store.deleteDataset(p, ds.datasetId()), 409, "dataset_in_use");

            StoredModel m = store.addModel(p, e.experimentId(), "LightGBM_1", new byte[] {1, 2, 3}, "{\"family\":\"lightgbm\"}");
            assertThat(store.addModel(p, e.experimentId(), "LightGBM_1", new byte[] {9}, "{}")).as("once per entry").isEqualTo(m);
            assertThat(store.modelBytes(store.model(p, m.modelId()))).containsExactly(1, 2, 3);
            store.addModel(p, e.experimentId(), "GLM_2", new byte[] {4}, "{}");
            assertThat(store.models(p, e.experimentId())).hasSize(2);
            assertThat(store.models(p, null)).hasSize(2);
            assertThat(store.models(other, null)).isEmpty();
            assertProblem(() -> store.model(other, m.modelId()), 404, "not_found");

            AutomlStore.Upload unused = store.newUpload(p);
            store.storeUpload(unused, new ByteArrayInputStream(csv), 1_000);
            StoredDataset lonely = store.addDataset(p, unused, "again.csv", csv.length, 2, 2, 2, "[]", "[]");
            store.deleteDataset(p, lonely.datasetId());
            assertProblem(() -> store.dataset(p, lonely.datasetId()), 404, "not_found");
        }
    }
}
