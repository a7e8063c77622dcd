package io.gureum.server.usage;

import io.gureum.core.Problem;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.usage.UsageQuery;
import io.gureum.platform.usage.UsageReports;
import io.gureum.platform.usage.UsageRow;
import io.gureum.server.http.ApiAccess;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /v1/usage?from=&to=&groupBy=service|key|day}: totals for the caller's project (admins: any
 * {@code projectId}, or all). JSON by default, CSV with {@code Accept: text/csv}. Default range: this month (UTC).
 */
public final class UsageRoutes {
    private final UsageReports reports;
    private final Clock clock;

    public UsageRoutes(UsageReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/v1/usage", this::usage);
    }

    private void usage(Context ctx) {
        ApiKey key = ApiAccess.key(ctx);
        String projectId = ctx.queryParam("projectId");
        if (projectId == null) projectId = key.isAdmin() ? null : key.projectId();
        else ApiAccess.requireProject(ctx, projectId);
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        Instant from = time(ctx.queryParam("from"), "from", month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Instant to = time(ctx.queryParam("to"), "to", month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        UsageQuery.GroupBy groupBy = UsageQuery.GroupBy.fromWire(ctx.queryParamAsClass("groupBy", String.class).getOrDefault("service"));
        List<UsageRow> rows = reports.totals(new UsageQuery(projectId, from, to, groupBy));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8").result(csv(rows, groupBy));
        } else {
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("from", from);
            body.put("to", to);
            body.put("groupBy", groupBy.wire());
            if (projectId != null) body.put("projectId", projectId);
            body.put("rows", rows);
            ctx.json(body);
        }
    }

    /** Accepts an ISO instant or a date (meaning its start, UTC). */
    private static Instant time(String value, String name, Instant fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("'" + name + "' must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z); got '" + value + "'");
        }
    }

    private static String csv(List<UsageRow> rows, UsageQuery.GroupBy groupBy) {
        StringBuilder out = new StringBuilder();
        String first = switch (groupBy) { case SERVICE -> ""; case KEY -> "key,"; case DAY -> "day,"; };
        out.append(first).append("service,unit,units,requests,errors\n");
        for (UsageRow r : rows) {
            if (groupBy == UsageQuery.GroupBy.KEY) out.append(r.key()).append(',');
            if (groupBy == UsageQuery.GroupBy.DAY) out.append(r.day()).append(',');
            out.append(r.service()).append(',').append(r.unit()).append(',').append(r.units()).append(',')
                    .append(r.requests()).append(',').append(r.errors()).append('\n');
        }
        return out.toString();
    }
}
