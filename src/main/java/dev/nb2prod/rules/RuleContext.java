package dev.nb2prod.rules;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.ControlCharacters;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule sees of one notebook (its cells, their syntax trees and names, the cell graph, the options)
 * and how it reports findings. One context per rule and notebook; not shared between threads.
 */
public final class RuleContext {
    private final AnalyzedNotebook analyzed;
    private final CellGraph graph;
    private final RuleOptions options;
    private final RuleInfo rule;
    private final List<Finding> findings = new ArrayList<>();

    public RuleContext(AnalyzedNotebook analyzed, CellGraph graph, RuleOptions options, RuleInfo rule) {
        this.analyzed = analyzed;
        this.graph = graph;
        this.options = options;
        this.rule = rule;
    }

    public Notebook notebook() {
        return analyzed.notebook();
    }

    public AnalyzedNotebook analyzed() {
        return analyzed;
    }

    public CellGraph graph() {
        return graph;
    }

    public RuleOptions options() {
        return options;
    }

    /** The code cells that parsed, with their syntax trees, in file order. */
    public List<ParsedCodeCell> parsedCells() {
        List<ParsedCodeCell> result = new ArrayList<>();
        for (CodeCell cell : notebook().codeCells()) {
            if (analyzed.parsedCells().get(cell.index()) instanceof ParsedCell.Parsed parsed) {
                result.add(new ParsedCodeCell(cell, parsed.module()));
            }
        }
        return result;
    }

    /** A code cell and its syntax tree. */
    public record ParsedCodeCell(CodeCell cell, Module module) {
        public int index() {
            return cell.index();
        }
    }

    public int option(String key, int fallback) {
        return options.intValue(rule.code(), key, fallback);
    }

    public double option(String key, double fallback) {
        return options.doubleValue(rule.code(), key, fallback);
    }

    public List<String> option(String key, List<String> fallback) {
        return options.listValue(rule.code(), key, fallback);
    }

    /** Reports a finding at a place in a cell's source. */
    public void report(int cellIndex, Span span, String message) {
        report(cellIndex, span, message, Payload.NONE);
    }

    /**
     * Reports a finding at a place in a cell's source, with what it found for programs (see {@link Payload}); the
     * payload is not part of the fingerprint.
     */
    public void report(int cellIndex, Span span, String message, Payload payload) {
        report(cellIndex, span, message, payload, rule.severity());
    }

    private void report(int cellIndex, Span span, String message, Payload payload, Severity severity) {
        Cell cell = notebook().cells().get(cellIndex);
        int line = Math.max(1, span.startLine());
        int endLine = Math.max(line, span.endLine());
        int column = span.startLine() < 1 ? 1 : span.startCol() + 1;
        int endColumn = span.endLine() < 1 ? column : span.endCol() + 1;
        String lineText = lineOf(cell.source(), line);
        add(cell, new Finding.Where.Source(line, column, endLine, endColumn), cell.source().fileLine(line), message,
            lineText, payload, severity);
    }

    /** Reports a finding at a place in a cell's source with a severity other than the rule's default. */
    public void report(int cellIndex, Span span, String message, Severity severity) {
        report(cellIndex, span, message, Payload.NONE, severity);
    }

    /** Reports a finding about a whole cell, located at its first line. */
    public void reportCell(int cellIndex, String message) {
        Cell cell = notebook().cells().get(cellIndex);
        add(cell, new Finding.Where.Source(1, 1, 1, 1), cell.source().fileLine(1), message, "", Payload.NONE,
            rule.severity());
    }

    /**
     * Reports a finding in a saved output.
     *
     * @param outputIndex 0-based index of the output in the cell
     * @param text the output text that holds it
     * @param line 1-based line inside {@code text}
     * @param column 1-based column inside that line
     * @param stableKey what identifies this occurrence across runs (e.g. a hash of the secret), for fingerprints
     */
    public void reportOutput(int cellIndex, int outputIndex, SourceText text, int line, int column, String message,
                             String stableKey) {
        Cell cell = notebook().cells().get(cellIndex);
        add(cell, new Finding.Where.Output(outputIndex + 1, line, column), text.fileLine(line), message,
            "output:" + stableKey, Payload.NONE, rule.severity());
    }

    private void add(Cell cell, Finding.Where where, int fileLine, String rawMessage, String anchor, Payload payload,
                     Severity severity) {
        // names and literals quoted from the notebook must not break a report line, reach a terminal raw or
        // repeat a secret
        String message = Secrets.redact(ControlCharacters.escaped(rawMessage));
        String basis = rule.code() + "\u0000" + anchor.strip() + "\u0000" + message;
        findings.add(new Finding(rule.code(), severity, message, notebook().path(), cell.index(), cell.id(), where,
            fileLine, basis, payload));
    }

    private static String lineOf(SourceText text, int line) {
        List<String> lines = text.lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    /** The findings reported so far, fingerprint basis not yet hashed (see {@link Fingerprints}). */
    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The markdown heading right above a cell, if any. */
    public Optional<String> headingAbove(int cellIndex) {
        for (int i = cellIndex - 1; i >= 0; i--) {
            Cell cell = notebook().cells().get(i);
            if (cell instanceof CodeCell) {
                return Optional.empty();
            }
            for (String line : cell.source().lines()) {
                if (line.strip().startsWith("#")) {
                    return Optional.of(line.strip().replaceFirst("^#+\\s*", ""));
                }
            }
        }
        return Optional.empty();
    }

}
