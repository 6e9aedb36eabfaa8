package dev.nb2prod.report;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.rules.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts the assess summary line shows for a notebook.
 *
 * @param syntaxErrors one entry per code cell that does not parse
 */
public record NotebookSummary(
    String path, String format, String language, boolean python, int cells, int codeCells, int markdownCells,
    int rawCells, int codeLines, List<CellError> syntaxErrors) {
    public NotebookSummary {
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    /** A syntax error of cell {@code cellIndex} (0-based) at a 1-based line and column of the cell. */
    public record CellError(int cellIndex, int line, int column, String message) {}

    public static NotebookSummary of(AnalyzedNotebook analyzed) {
        Notebook notebook = analyzed.notebook();
        List<CellError> errors = new ArrayList<>();
        for (Map.Entry<Integer, ParsedCell> entry : analyzed.parsedCells().entrySet()) {
            if (entry.getValue() instanceof ParsedCell.Failed failed) {
                errors.add(new CellError(entry.getKey(), failed.error().line(), failed.error().column(),
                    Secrets.redact(failed.error().message()))); // a parser's message may quote the line
            }
        }
        int code = 0;
        int markdown = 0;
        int raw = 0;
        for (var cell : notebook.cells()) {
            switch (cell.type()) {
                case "code" -> code++;
                case "markdown" -> markdown++;
                default -> raw++;
            }
        }
        return new NotebookSummary(notebook.path(), notebook.formatVersion(), notebook.metadata().languageOrUnknown(),
            notebook.isPython(), notebook.cells().size(), code, markdown, raw,
            notebook.codeCells().stream().mapToInt(c -> c.source().lineCount()).sum(), errors);
    }

    /** {@code path: nbformat 4.5, python kernel, 25 cells (17 code, 8 markdown, 0 raw), 168 code lines}. */
    public String line() {
        return String.format(Locale.ROOT, "%s: nbformat %s, %s kernel, %d cells (%d code, %d markdown, %d raw), %d code lines, %s",
            path, format, language, cells, codeCells, markdownCells, rawCells, codeLines,
            !python ? "not analysed (not a Python kernel)"
                : syntaxErrors.isEmpty() ? "no syntax errors"
                : syntaxErrors.size() + (syntaxErrors.size() == 1 ? " syntax error" : " syntax errors"));
    }
}
