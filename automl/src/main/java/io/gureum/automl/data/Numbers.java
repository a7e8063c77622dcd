package io.gureum.automl.data;

/** Parsing numbers from CSV text without exceptions on the common path. */
final class Numbers {
    private Numbers() {}

    /** The number a trimmed field holds, or NaN when it is not one (words like "Infinity" and "NaN" included). */
    static double parse(String s) {
        if (s.isEmpty() || s.length() > 40) return Double.NaN;
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.') return Double.NaN;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
