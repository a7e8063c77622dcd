package io.gureum.platform.usage;

/**
 * One line of a usage report. {@code key} and {@code day} are set only when grouping by them;
 * {@code units} counts successful (2xx) calls only, {@code requests} and {@code errors} count all calls.
 */
public record UsageRow(String service, String key, String day, String unit, long units, long requests, long errors) {}
