package dev.nb2prod.extract.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which data records a test fixture keeps: all of them when there are at most {@code maxRows}; otherwise evenly
 * spaced records (deterministic, spanning the whole file, so a time series keeps its range), stratified on the
 * target column when there is one: each class keeps its share, and at least 10 records (or all it has) so that a
 * stratified split or a 10-fold cross-validation still finds every class.
 */
public final class FixtureSample {
    /** Records each class keeps at least (when it has them). */
    static final int MIN_PER_CLASS = 10;
    /** More classes than this: the column is not a class label; sampled without strata. */
    static final int MAX_CLASSES = 50;

    private FixtureSample() {}

    /** The chosen data records (indices into the file's records), in file order. */
    public static List<Integer> choose(DataTable table, int maxRows, int targetColumn) {
        List<Integer> data = table.data();
        if (data.size() <= maxRows) {
            return data;
        }
        if (targetColumn >= 0) {
            Map<String, List<Integer>> classes = new LinkedHashMap<>();
            for (int record : data) {
                classes.computeIfAbsent(table.value(record, targetColumn).strip(), k -> new ArrayList<>()).add(record);
            }
            if (classes.size() >= 2 && classes.size() <= MAX_CLASSES) {
                return stratified(classes, data.size(), maxRows);
            }
        }
        return evenly(data, maxRows);
    }

    /** True when {@link #choose} stratifies on the column: a sample is taken and the column has 2 to 50 classes. */
    public static boolean stratifies(DataTable table, int maxRows, int targetColumn) {
        if (targetColumn < 0 || table.data().size() <= maxRows) {
            return false;
        }
        long classes = table.data().stream().map(r -> table.value(r, targetColumn).strip()).distinct().count();
        return classes >= 2 && classes <= MAX_CLASSES;
    }

    static List<Integer> evenly(List<Integer> records, int count) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(records.get((int) ((long) k * records.size() / count)));
        }
        return out;
    }

    private static List<Integer> stratified(Map<String, List<Integer>> classes, int total, int maxRows) {
        Map<String, Integer> quota = new LinkedHashMap<>();
        classes.forEach((value, records) -> quota.put(value, Math.max(
            (int) ((long) maxRows * records.size() / total), Math.min(records.size(), MIN_PER_CLASS))));
        // too many: take from the largest quotas, never below a class's minimum
        int sum = quota.values().stream().mapToInt(Integer::intValue).sum();
        Comparator<String> largestFirst = Comparator.<String>comparingInt(quota::get).reversed()
            .thenComparing(Comparator.naturalOrder());
        while (sum > maxRows) {
            String largest = quota.keySet().stream().sorted(largestFirst).findFirst().orElseThrow();
            if (quota.get(largest) <= Math.min(classes.get(largest).size(), MIN_PER_CLASS)) {
                break;
            }
            quota.merge(largest, -1, Integer::sum);
            sum--;
        }
        // too few (rounding down): give to the classes with records to spare, largest first
        while (sum < maxRows) {
            String spare = classes.keySet().stream().filter(v -> quota.get(v) < classes.get(v).size())
                .sorted(largestFirst).findFirst().orElse(null);
            if (spare == null) {
                break;
            }
            quota.merge(spare, 1, Integer::sum);
            sum++;
        }
        TreeSet<Integer> chosen = new TreeSet<>();
        classes.forEach((value, records) -> chosen.addAll(evenly(records, quota.get(value))));
        return new ArrayList<>(chosen);
    }
}
