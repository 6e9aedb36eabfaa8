package dev.nb2prod.extract.data;

import dev.nb2prod.rules.credentials.PersonalData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test fixture made from a data file: a deterministic sample of at most {@code maxRows} data records (see
 * {@link FixtureSample}), with the columns that hold personal data masked (see {@link PersonalColumns}). The
 * records before the header and the header are kept as they are, and so is every chosen record no mask touches, so
 * a fixture of a small file without personal data is a byte-for-byte copy.
 *
 * @param text the fixture's content
 * @param rows the data records kept
 * @param totalRows the data records of the file
 * @param masked the columns masked
 * @param stratifiedOn the target column the sample is stratified on, if it was
 */
public record FixtureData(String text, int rows, int totalRows, List<String> masked, Optional<String> stratifiedOn) {
    public FixtureData {
        masked = List.copyOf(masked);
    }

    public static FixtureData of(String original, DataTable table, int maxRows, Optional<String> target) {
        int targetColumn = target.map(table.columns()::indexOf).orElse(-1);
        List<Integer> chosen = FixtureSample.choose(table, maxRows, targetColumn);
        CsvText csv = table.csv();
        List<List<String>> rows = new ArrayList<>();
        for (int record : chosen) {
            rows.add(new ArrayList<>(csv.fields(record)));
        }
        List<String> masked = new ArrayList<>();
        boolean[] touched = new boolean[chosen.size()];
        for (int column = 0; column < table.columns().size(); column++) {
            final int c = column;
            List<String> values = rows.stream().map(r -> c < r.size() ? r.get(c) : "").toList();
            Optional<PersonalData.Kind> kind = PersonalColumns.kind(table.columns().get(column), values);
            if (kind.isEmpty()) {
                continue;
            }
            masked.add(table.columns().get(column));
            List<String> masks = PersonalColumns.mask(kind.get(), values);
            for (int i = 0; i < rows.size(); i++) {
                if (c < rows.get(i).size() && !masks.get(i).equals(values.get(i))) {
                    rows.get(i).set(c, masks.get(i));
                    touched[i] = true;
                }
            }
        }
        boolean stratified = FixtureSample.stratifies(table, maxRows, targetColumn);
        Optional<String> on = stratified ? target : Optional.empty();
        if (masked.isEmpty() && chosen.size() == table.data().size()) {
            return new FixtureData(original, chosen.size(), table.data().size(), masked, on);
        }
        List<String> records = new ArrayList<>(csv.records().subList(0, table.header() + 1));
        for (int i = 0; i < chosen.size(); i++) {
            records.add(touched[i] ? CsvText.join(rows.get(i), csv.delimiter()) : csv.records().get(chosen.get(i)));
        }
        return new FixtureData(csv.render(records), chosen.size(), table.data().size(), masked, on);
    }
}
