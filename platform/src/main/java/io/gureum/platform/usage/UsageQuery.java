package io.gureum.platform.usage;

import io.gureum.core.Problem;

import java.time.Instant;
import java.util.Arrays;

/** Totals of usage between {@code from} (inclusive) and {@code to} (exclusive), for one project or, for admins, all. */
public record UsageQuery(String projectId /* null = all projects */, Instant from, Instant to, GroupBy groupBy) {
    public enum GroupBy {
        SERVICE("service"), KEY("key"), DAY("day");

        private final String wire;

        GroupBy(String wire) { this.wire = wire; }

        public String wire() { return wire; }

        public static GroupBy fromWire(String s) {
            return Arrays.stream(values()).filter(g -> g.wire.equals(s)).findFirst()
                    .orElseThrow(() -> Problem.invalid("groupBy must be one of service, key, day; got '" + s + "'"));
        }
    }

    public UsageQuery {
        if (!from.isBefore(to)) throw Problem.invalid("'from' must be before 'to'");
    }
}
