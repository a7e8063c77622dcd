package io.gureum.automl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one column's values while a file streams by. It starts by dictionary-encoding the text; when the
 * distinct values grow past {@link #NUMERIC_SWITCH} and every one of them is a number, it keeps plain doubles
 * instead, so a gigabyte of measurements does not become a gigabyte of strings.
 */
final class ColumnBuilder {
    static final int NUMERIC_SWITCH = 1 << 14;

    private final String name;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private final List<Double> levelNumbers = new ArrayList<>();
    private boolean allLevelsNumeric = true;
    private int[] codes = new int[1024];
    private double[] numbers;          // non-null once switched to numbers
    private long unparseable;
    private int size;

    ColumnBuilder(String name) { this.name = name; }

    void addMissing() {
        if (numbers != null) { ensureNumbers(); numbers[size++] = Double.NaN; return; }
        ensureCodes();
        codes[size++] = -1;
    }

    void add(String trimmed) {
        if (numbers != null) {
            ensureNumbers();
            double v = Numbers.parse(trimmed);
            if (Double.isNaN(v)) unparseable++;
            numbers[size++] = v;
            return;
        }
        Integer code = index.get(trimmed);
        if (code == null) {
            code = levels.size();
            index.put(trimmed, code);
            levels.add(trimmed);
            double v = Numbers.parse(trimmed);
            levelNumbers.add(v);
            if (Double.isNaN(v)) allLevelsNumeric = false;
        }
        ensureCodes();
        codes[size++] = code;
        if (allLevelsNumeric && levels.size() > NUMERIC_SWITCH) switchToNumbers();
    }

    private void switchToNumbers() {
        numbers = new double[Math.max(codes.length, 1024)];
        for (int i = 0; i < size; i++) numbers[i] = codes[i] < 0 ? Double.NaN : levelNumbers.get(codes[i]);
        codes = null;
        index.clear();
        levels.clear();
        levelNumbers.clear();
    }

    private void ensureCodes() {
        if (size == codes.length) codes = Arrays.copyOf(codes, codes.length * 2);
    }

    private void ensureNumbers() {
        if (size == numbers.length) numbers = Arrays.copyOf(numbers, numbers.length * 2);
    }

    Column build() {
        if (numbers != null) return new NumberColumn(name, Arrays.copyOf(numbers, size), unparseable);
        double[] nums = new double[levelNumbers.size()];
        for (int i = 0; i < nums.length; i++) nums[i] = levelNumbers.get(i);
        return new DictionaryColumn(name, Arrays.copyOf(codes, size), List.copyOf(levels), nums);
    }
}
