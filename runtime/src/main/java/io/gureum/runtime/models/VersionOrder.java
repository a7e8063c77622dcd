package io.gureum.runtime.models;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders version strings so that {@code 1.10.0 > 1.9.2}: parts split on {@code . - +}, numeric
 * parts compared as numbers, others as text; with equal prefixes, more parts is newer.
 */
final class VersionOrder implements Comparator<String> {
    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {}

    @Override
    public int compare(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = comparePart(x[i], y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    private static int comparePart(String a, String b) {
        boolean numA = a.matches("\\d+");
        boolean numB = b.matches("\\d+");
        if (numA && numB) return new BigInteger(a).compareTo(new BigInteger(b));
        if (numA != numB) return numA ? 1 : -1; // a release number outranks a qualifier
        return a.compareTo(b);
    }
}
