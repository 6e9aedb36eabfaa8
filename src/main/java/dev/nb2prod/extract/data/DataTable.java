package dev.nb2prod.extract.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CsvText} read as a table: the header (the first record with the usual number of fields; records before
 * it, such as a title line, are the preamble) and the data records after it (blank records are not data).
 *
 * @param csv the file
 * @param header the index of the header record
 * @param columns the header's fields
 * @param data the indices of the data records, in file order
 */
public record DataTable(CsvText csv, int header, List<String> columns, List<Integer> data) {
    private static final int SNIFFED_RECORDS = 50;

    public DataTable {
        columns = List.copyOf(columns);
        data = List.copyOf(data);
    }

    public static DataTable of(CsvText csv) {
        List<String> records = csv.records();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.min(records.size(), SNIFFED_RECORDS); i++) {
            if (!records.get(i).isBlank()) {
                counts.merge(csv.fields(i).size(), 1, Integer::sum);
            }
        }
        int usual = counts.entrySet().stream()
            .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey).orElse(1);
        int header = 0;
        while (header < records.size() && (records.get(header).isBlank() || csv.fields(header).size() != usual)) {
            header++;
        }
        if (header == records.size()) {
            return new DataTable(csv, 0, records.isEmpty() ? List.of() : csv.fields(0), List.of());
        }
        List<Integer> data = new ArrayList<>();
        for (int i = header + 1; i < records.size(); i++) {
            if (!records.get(i).isBlank()) {
                data.add(i);
            }
        }
        return new DataTable(csv, header, csv.fields(header).stream().map(f -> f.replace("\uFEFF", "").strip()).toList(), data);
    }

    /** The field of a data record in a column, or "" when the record is short. */
    public String value(int record, int column) {
        List<String> fields = csv.fields(record);
        return column < fields.size() ? fields.get(column) : "";
    }
}
