package dev.nb2prod.extract.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference profile of one data file: per column, its type, null rate and distribution (see
 * {@link ColumnProfile}). Files with more than {@link #MAX_ROWS} data records are profiled on that many evenly
 * spaced records.
 *
 * @param file the file name
 * @param rows the data records of the file
 * @param delimiter the field separator
 * @param skipped the records before the header (a title line, say)
 * @param columns the profile of each column, in header order
 */
public record DataProfile(String file, int rows, char delimiter, int skipped, Map<String, ColumnProfile> columns) {
    static final int MAX_ROWS = 100_000;
    static final int TOP_VALUES = 20;
    static final int BINS = 10;
    /** A text column with more distinct values than this, most of them rare, is free text or an identifier. */
    static final int MAX_CATEGORIES = 50;
    /** pandas.read_csv's default missing-value words. */
    static final Set<String> NA = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
        "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

    public DataProfile {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static DataProfile of(String file, DataTable table) {
        List<Integer> records = table.data().size() <= MAX_ROWS ? table.data()
            : FixtureSample.evenly(table.data(), MAX_ROWS);
        Map<String, ColumnProfile> columns = new LinkedHashMap<>();
        for (int c = 0; c < table.columns().size(); c++) {
            String name = table.columns().get(c);
            if (name.isEmpty() || columns.containsKey(name)) {
                continue;
            }
            List<String> values = new ArrayList<>(records.size());
            for (int record : records) {
                values.add(table.value(record, c).strip());
            }
            boolean personal = PersonalColumns.kind(name, values).isPresent();
            columns.put(name, column(values, personal));
        }
        return new DataProfile(file, table.data().size(), table.csv().delimiter(), table.header(), columns);
    }

    static ColumnProfile column(List<String> values, boolean personal) {
        List<String> present = values.stream().filter(v -> !NA.contains(v)).toList();
        double nullRate = values.isEmpty() ? 0 : round((values.size() - present.size()) / (double) values.size());
        boolean unique = present.size() == values.size() && new HashSet<>(present).size() == present.size();
        if (personal) {
            return new ColumnProfile.Text(nullRate, unique, true);
        }
        double[] numbers = numbers(present);
        if (numbers != null && numbers.length > 0) {
            boolean integral = present.stream().allMatch(v -> v.matches("[+-]?\\d+"));
            return numeric(nullRate, unique, integral, numbers);
        }
        Map<String, Integer> counts = new HashMap<>();
        present.forEach(v -> counts.merge(v, 1, Integer::sum));
        if (counts.size() > MAX_CATEGORIES && counts.size() * 2 > present.size()) {
            return new ColumnProfile.Text(nullRate, unique, false);
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> frequencies = new LinkedHashMap<>();
        int shown = 0;
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(TOP_VALUES, sorted.size()))) {
            frequencies.put(entry.getKey(), round(entry.getValue() / (double) present.size()));
            shown += entry.getValue();
        }
        if (shown < present.size()) {
            frequencies.put("__other__", round((present.size() - shown) / (double) present.size()));
        }
        return new ColumnProfile.Categorical(nullRate, unique, frequencies);
    }

    private static double[] numbers(List<String> present) {
        double[] out = new double[present.size()];
        for (int i = 0; i < out.length; i++) {
            String v = present.get(i);
            if (!v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return null;
            }
            out[i] = Double.parseDouble(v);
        }
        return out;
    }

    private static ColumnProfile numeric(double nullRate, boolean unique, boolean integral, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Double> edges = new ArrayList<>();
        for (int i = 0; i <= BINS; i++) {
            double edge = round(quantile(sorted, i / (double) BINS));
            if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                edges.add(edge);
            }
        }
        if (edges.size() == 1) {
            edges.add(edges.get(0));
        }
        int bins = edges.size() - 1;
        int[] counts = new int[bins];
        for (double v : sorted) {
            int bin = 0;
            while (bin < bins - 1 && v >= edges.get(bin + 1)) {
                bin++;
            }
            counts[bin]++;
        }
        double[] proportions = new double[bins];
        for (int i = 0; i < bins; i++) {
            proportions[i] = round(counts[i] / (double) sorted.length);
        }
        return new ColumnProfile.Numeric(nullRate, unique, integral,
            edges.stream().mapToDouble(Double::doubleValue).toArray(), proportions);
    }

    /** numpy's default (linear) quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /** Six decimals, enough for a profile and short in JSON (large values are kept as they are). */
    static double round(double value) {
        return Math.abs(value) >= 1e9 ? value : Math.round(value * 1e6) / 1e6;
    }
}
