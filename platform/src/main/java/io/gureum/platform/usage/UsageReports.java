package io.gureum.platform.usage;

import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Usage totals straight from the records table (indexed by project and time). */
public final class UsageReports {
    private final Jdbi jdbi;

    public UsageReports(Database db) {
        this.jdbi = db.jdbi();
    }

    public List<UsageRow> totals(UsageQuery q) {
        String extra = switch (q.groupBy()) {
            case SERVICE -> "";
            case KEY -> ", key_id";
            case DAY -> ", usage_day";
        };
        String sql = "SELECT service, unit" + extra + ","
                + " SUM(CASE WHEN status < 300 THEN units ELSE 0 END) AS units,"
                + " COUNT(*) AS requests,"
                + " SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END) AS errors"
                + " FROM usage_records WHERE created_at >= :from AND created_at < :to"
                + (q.projectId() == null ? "" : " AND project_id = :project")
                + " GROUP BY service, unit" + extra
                + " ORDER BY " + (extra.isEmpty() ? "" : extra.substring(2) + ", ") + "service";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("from", q.from()).bind("to", q.to());
            if (q.projectId() != null) query.bind("project", q.projectId());
            return query.map((rs, ctx) -> new UsageRow(
                    rs.getString("service"),
                    q.groupBy() == UsageQuery.GroupBy.KEY ? rs.getString("key_id") : null,
                    q.groupBy() == UsageQuery.GroupBy.DAY ? rs.getObject("usage_day", java.time.LocalDate.class).toString() : null,
                    rs.getString("unit"), rs.getLong("units"), rs.getLong("requests"), rs.getLong("errors"))).list();
        });
    }
}
