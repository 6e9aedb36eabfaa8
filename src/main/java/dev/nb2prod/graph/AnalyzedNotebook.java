package dev.nb2prod.graph;

import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.NameAnalyzer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notebook with every Python code cell parsed and its names computed, the input of the cell graph and of
 * the rules. Cells of a notebook whose kernel is not Python are not parsed (they have no entry).
 */
public record AnalyzedNotebook(Notebook notebook, Map<Integer, ParsedCell> parsedCells, Map<Integer, CellNames> cellNames) {
    public AnalyzedNotebook {
        parsedCells = java.util.Collections.unmodifiableMap(new TreeMap<>(parsedCells));
        cellNames = java.util.Collections.unmodifiableMap(new TreeMap<>(cellNames));
    }

    /** Parses and analyses every code cell of a Python notebook. */
    public static AnalyzedNotebook of(Notebook notebook, PythonFrontEnd frontEnd) {
        Map<Integer, ParsedCell> parsed = new TreeMap<>();
        Map<Integer, CellNames> names = new TreeMap<>();
        if (notebook.isPython()) {
            NameAnalyzer analyzer = new NameAnalyzer();
            for (CodeCell cell : notebook.codeCells()) {
                ParsedCell result = frontEnd.parse(cell.source().text());
                parsed.put(cell.index(), result);
                names.put(cell.index(), analyzer.analyze(result));
            }
        }
        return new AnalyzedNotebook(notebook, parsed, names);
    }

    /** The parse result of a code cell; a cell that was not parsed reads as an empty module. */
    public ParsedCell parsed(int cellIndex) {
        return parsedCells.getOrDefault(cellIndex,
            new ParsedCell.Parsed(new dev.nb2prod.python.ast.Module(java.util.List.of(), dev.nb2prod.python.ast.Span.NONE)));
    }

    /** The names of a code cell; a cell that was not parsed defines and reads nothing. */
    public CellNames names(int cellIndex) {
        CellNames names = cellNames.get(cellIndex);
        return names != null ? names : new NameAnalyzer().analyze(parsed(cellIndex));
    }
}
