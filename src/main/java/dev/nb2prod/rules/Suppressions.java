package dev.nb2prod.rules;

import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.Notebook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions of one notebook:
 * <ul>
 *   <li>{@code # nb2prod: ignore[NB201,NB202]} or {@code # noqa: NB201} at the end of a line: those codes on
 *       that line ({@code # noqa} alone: every code on the line);</li>
 *   <li>{@code # nb2prod: ignore-cell[NB501]} (or {@code ignore-cell} alone) on the first line of a cell,
 *       or the cell tag {@code nb2prod-ignore}: those codes (or all) in the whole cell.</li>
 * </ul>
 * Codes may be prefixes ({@code NB2} covers every configuration rule).
 */
final class Suppressions {
    static final String CELL_TAG = "nb2prod-ignore";
    private static final String ALL = "*";
    private static final Pattern LINE = Pattern.compile(
        "#\\s*(?:nb2prod:\\s*ignore(?!-cell)\\s*(?:\\[([^\\]]*)\\])?|noqa\\b(?:\\s*:\\s*([A-Za-z0-9_, ]+))?)",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern CELL = Pattern.compile("^\\s*#\\s*nb2prod:\\s*ignore-cell\\s*(?:\\[([^\\]]*)\\])?",
        Pattern.CASE_INSENSITIVE);

    /** A code named in a suppression comment that is not a known rule code or prefix. */
    record UnknownCode(int cellIndex, int line, int column, String code) {}

    private final Map<Integer, Set<String>> cells = new TreeMap<>();
    private final Map<Long, Set<String>> lines = new TreeMap<>();
    private final List<UnknownCode> unknown = new ArrayList<>();

    Suppressions(Notebook notebook, Set<String> knownCodes) {
        for (Cell cell : notebook.cells()) {
            if (cell.tags().contains(CELL_TAG)) {
                cells.computeIfAbsent(cell.index(), k -> new TreeSet<>()).add(ALL);
            }
            if (!cell.type().equals("code")) {
                continue;
            }
            List<String> source = cell.source().lines();
            for (int i = 0; i < source.size(); i++) {
                String text = source.get(i);
                int hash = commentStart(text);
                if (hash < 0) {
                    continue;
                }
                String comment = text.substring(hash);
                Matcher cellMatch = CELL.matcher(comment);
                if (i == 0 && cellMatch.find()) {
                    cells.computeIfAbsent(cell.index(), k -> new TreeSet<>())
                        .addAll(codes(cellMatch.group(1), cell.index(), 1, hash, knownCodes));
                    continue;
                }
                Matcher lineMatch = LINE.matcher(comment);
                if (lineMatch.find()) {
                    String listed = lineMatch.group(1) != null ? lineMatch.group(1) : lineMatch.group(2);
                    lines.computeIfAbsent(key(cell.index(), i + 1), k -> new TreeSet<>())
                        .addAll(codes(listed, cell.index(), i + 1, hash + lineMatch.start(), knownCodes));
                }
            }
        }
    }

    private Set<String> codes(String listed, int cell, int line, int column, Set<String> knownCodes) {
        if (listed == null || listed.isBlank()) {
            return Set.of(ALL);
        }
        Set<String> result = new TreeSet<>();
        for (String raw : Arrays.asList(listed.split("[,\\s]+"))) {
            String code = raw.strip().toUpperCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (knownCodes.stream().anyMatch(k -> k.startsWith(code)) && code.startsWith("NB")) {
                result.add(code);
            } else if (code.startsWith("NB")) {
                unknown.add(new UnknownCode(cell, line, column + 1, raw.strip()));
            }
            // codes of other tools (a "# noqa: E501" for flake8) are not ours to judge
        }
        return result;
    }

    boolean suppresses(Finding finding) {
        if (matches(cells.get(finding.cellIndex()), finding.code())) {
            return true;
        }
        return finding.where() instanceof Finding.Where.Source source
            && matches(lines.get(key(finding.cellIndex(), source.line())), finding.code());
    }

    List<UnknownCode> unknownCodes() {
        return List.copyOf(unknown);
    }

    private static boolean matches(Set<String> codes, String code) {
        return codes != null && (codes.contains(ALL) || codes.stream().anyMatch(code::startsWith));
    }

    private static long key(int cell, int line) {
        return ((long) cell << 32) | line;
    }

    /** Where a comment starts on a line, ignoring {@code #} inside string literals; -1 when there is none. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#') {
                return i;
            }
        }
        return -1;
    }
}
