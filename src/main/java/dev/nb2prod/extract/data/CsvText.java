package dev.nb2prod.extract.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A delimited text file split into records the way a CSV reader sees them: a record ends at a line break outside
 * double quotes, so a quoted field may hold line breaks. Each record keeps its raw text, so records can be copied
 * byte for byte; {@link #fields} splits one into fields (RFC 4180 quoting, {@code ""} inside quotes).
 *
 * @param records the raw records, without their line breaks (a blank line is an empty record)
 * @param lineEnd the first line break of the file ({@code \n} when it has none)
 * @param finalLineEnd true when the file ends with a line break
 * @param delimiter the field separator: the most frequent of {@code , ; \t |} in the first record
 */
public record CsvText(List<String> records, String lineEnd, boolean finalLineEnd, char delimiter) {
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    public CsvText {
        records = List.copyOf(records);
    }

    public static CsvText parse(String text, boolean tabSeparated) {
        List<String> records = new ArrayList<>();
        String lineEnd = null;
        boolean quoted = false;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                int end = i;
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                if (lineEnd == null) {
                    lineEnd = text.substring(end, i);
                }
                records.add(text.substring(start, end));
                start = i;
                continue;
            }
            i++;
        }
        boolean finalLineEnd = start == text.length() && !records.isEmpty();
        if (start < text.length()) {
            records.add(text.substring(start));
        }
        char delimiter = tabSeparated ? '\t' : sniff(records.isEmpty() ? "" : records.get(0));
        return new CsvText(records, lineEnd == null ? "\n" : lineEnd, finalLineEnd, delimiter);
    }

    private static char sniff(String header) {
        char best = ',';
        long most = 0;
        for (char candidate : DELIMITERS) {
            long count = fields(header, candidate).size() - 1L;
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    /** The fields of record {@code i}. */
    public List<String> fields(int i) {
        return fields(records.get(i), delimiter);
    }

    /** Splits one record: quotes delimit a field that may hold the delimiter, {@code ""} is a quote. */
    public static List<String> fields(String record, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** One record from fields, quoting a field only when it holds the delimiter, a quote or a line break. */
    public static String join(List<String> fields, char delimiter) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String field = fields.get(i);
            boolean quote = field.indexOf(delimiter) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
            out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return out.toString();
    }

    /** The text of the given records, with this file's line breaks. */
    public String render(List<String> chosen) {
        String joined = String.join(lineEnd, chosen);
        return finalLineEnd && !chosen.isEmpty() ? joined + lineEnd : joined;
    }
}
