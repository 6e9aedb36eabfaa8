package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The notebooks the planner refuses, each with one line naming the cell and what to do: not Python, no code,
 * nothing parses, and kept cells that read names no cell defines, star-import, or are Python 2 code.
 */
public final class Refusals {
    private static final Set<String> PYTHON2_NAMES = Set.of("xrange", "raw_input", "unicode", "basestring",
        "unichr", "execfile", "long", "reduce", "file", "cmp", "reload");
    private static final Set<String> ASYNC_KEYWORDS = Set.of("async", "await");

    private Refusals() {}

    /** Before anything is planned: the notebook must be Python, have code, and parse somewhere. */
    public static void checkNotebook(AnalyzedNotebook analyzed) throws ExtractionRefused {
        var notebook = analyzed.notebook();
        if (!notebook.isPython()) {
            throw new ExtractionRefused("the kernel language is " + notebook.metadata().languageOrUnknown()
                + ", not Python");
        }
        List<CodeCell> code = notebook.codeCells().stream().filter(c -> !c.source().text().isBlank()).toList();
        if (code.isEmpty()) {
            throw new ExtractionRefused("the notebook has no code");
        }
        if (code.stream().allMatch(c -> analyzed.parsed(c.index()) instanceof ParsedCell.Failed)) {
            throw new ExtractionRefused("every code cell has a syntax error");
        }
    }

    /** After the selection: the kept cells must be Python 3 code whose every name some cell defines. */
    public static void checkKept(AnalyzedNotebook analyzed, CellGraph graph, SortedSet<Integer> kept)
        throws ExtractionRefused {
        if (kept.isEmpty()) {
            throw new ExtractionRefused("nothing to extract: no cell writes a file, fits a model, computes a metric, "
                + "draws a figure or displays a result");
        }
        for (int i : kept) {
            python2(analyzed, i);
        }
        for (NameProblem p : graph.undefined()) {
            if (kept.contains(p.cell())) {
                throw new ExtractionRefused("cell " + (p.cell() + 1) + " reads " + p.name()
                    + ", which no cell defines: define or import it in the notebook first");
            }
        }
        for (int i : kept) {
            if (analyzed.names(i).starImport()) {
                throw new ExtractionRefused("cell " + (i + 1) + " imports * from "
                    + String.join(", ", analyzed.names(i).starModules()) + ": import the names it uses explicitly");
            }
        }
    }

    /**
     * A kept cell that reads, before any cell above defines it, a name only a later cell defines: the notebook
     * ran out of order, and the package, which runs top to bottom, would stop with a NameError.
     */
    public static void checkOrder(CellGraph graph, List<Integer> cells, String name) throws ExtractionRefused {
        for (NameProblem p : graph.hiddenDependencies()) {
            if (p.name().equals(name) && cells.contains(p.cell())) {
                throw new ExtractionRefused("cell " + (p.cell() + 1) + " reads " + name + ", which only a later cell ("
                    + (p.definedIn().get(0) + 1) + ") defines: the notebook ran out of order; move that definition "
                    + "above cell " + (p.cell() + 1) + " first");
            }
        }
    }

    private static void python2(AnalyzedNotebook analyzed, int cell) throws ExtractionRefused {
        Module module = ((ParsedCell.Parsed) analyzed.parsed(cell)).module();
        boolean[] statement = {false};
        Set<String> oldNames = new TreeSet<>();
        Set<String> keywords = new TreeSet<>();
        AstWalker.walk(module, n -> {
            if (n instanceof Stmt.Print || n instanceof Stmt.Exec || n instanceof Expr.Repr) {
                statement[0] = true;
            }
            if (n instanceof Expr.Name name && PYTHON2_NAMES.contains(name.id())) {
                oldNames.add(name.id());
            }
            if (n instanceof Expr.Name name && ASYNC_KEYWORDS.contains(name.id())) {
                keywords.add(name.id());
            }
        });
        oldNames.removeIf(n -> analyzed.cellNames().values().stream().anyMatch(c -> c.defines().contains(n)));
        if (statement[0] || !oldNames.isEmpty()) {
            throw new ExtractionRefused("cell " + (cell + 1) + " is Python 2 code ("
                + (statement[0] ? "print statement" : String.join(", ", oldNames)) + "): port it to Python 3 first");
        }
        // async and await were names until Python 3.6; as names the generated code would not compile
        CellNames names = analyzed.cellNames().get(cell);
        if (names != null) {
            ASYNC_KEYWORDS.stream().filter(k -> names.defines().contains(k) || names.uses().contains(k))
                .forEach(keywords::add);
        }
        if (!keywords.isEmpty()) {
            throw new ExtractionRefused("cell " + (cell + 1) + " uses " + String.join(" and ", keywords)
                + " as a name, a keyword since Python 3.7: rename it first");
        }
    }
}
