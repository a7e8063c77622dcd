package io.gureum.platform.usage;

import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UsageTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void recordsAreBatchedAndReportedByServiceKeyAndDay(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind); UsageRecorder recorder = new UsageRecorder(db)) {
            Instant day1 = Instant.parse("2030-03-01T10:00:00Z");
            Instant day2 = Instant.parse("2030-03-02T10:00:00Z");
            recorder.record(new UsageRecord("p1", "k1", "language", "detect", 120, "characters", 3, 200, day1));
            recorder.record(new UsageRecord("p1", "k2", "language", "detect", 80, "characters", 2, 200, day2));
            recorder.record(new UsageRecord("p1", "k2", "language", "detect", 50, "characters", 1, 422, day2));
            recorder.record(new UsageRecord("p2", "k3", "language", "detect", 999, "characters", 1, 200, day2));
            recorder.flush();
            UsageReports reports = new UsageReports(db);
            Instant from = Instant.parse("2030-03-01T00:00:00Z"), to = Instant.parse("2030-04-01T00:00:00Z");

            assertThat(reports.totals(new UsageQuery("p1", from, to, UsageQuery.GroupBy.SERVICE)))
                    .containsExactly(new UsageRow("language", null, null, "characters", 200, 3, 1));
            assertThat(reports.totals(new UsageQuery("p1", from, to, UsageQuery.GroupBy.KEY)))
                    .containsExactly(new UsageRow("language", "k1", null, "characters", 120, 1, 0),
                            new UsageRow("language", "k2", null, "characters", 80, 2, 1));
            assertThat(reports.totals(new UsageQuery("p1", from, to, UsageQuery.GroupBy.DAY)))
                    .extracting(UsageRow::day, UsageRow::units).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("2030-03-01", 120L), org.assertj.core.groups.Tuple.tuple("2030-03-02", 80L));
            assertThat(reports.totals(new UsageQuery(null, from, to, UsageQuery.GroupBy.SERVICE)))
                    .singleElement().satisfies(r -> assertThat(r.units()).isEqualTo(1199));
        }
    }
}
