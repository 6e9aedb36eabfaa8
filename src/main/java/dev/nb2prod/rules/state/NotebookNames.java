package dev.nb2prod.rules.state;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import dev.nb2prod.python.names.ImportInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Facts about names across a notebook shared by the state rules. */
final class NotebookNames {
    private NotebookNames() {}

    /** "cell N" as Jupyter users count cells (1-based, every cell type counted). */
    static String label(int index) {
        return "cell " + (index + 1);
    }

    /** Names some cell binds to a module, a function or a class: tools, not state. */
    static Set<String> tools(AnalyzedNotebook analyzed) {
        Set<String> tools = new HashSet<>();
        analyzed.cellNames().forEach((index, names) -> {
            for (ImportInfo i : names.imports()) {
                if (i.boundName() != null && i.moduleLevel()) {
                    tools.add(i.boundName());
                }
            }
            for (FunctionInfo f : names.functions()) {
                tools.add(f.name());
            }
            if (analyzed.parsed(index) instanceof ParsedCell.Parsed parsed) {
                AstWalker.walk(parsed.module(), NotebookNames::descendAtModuleLevel, n -> {
                    if (n instanceof Stmt.ClassDef c) {
                        tools.add(c.name());
                    }
                });
            }
        });
        return tools;
    }

    /** Names that functions assign through {@code global} (bound when those functions are called). */
    static Set<String> globalWrites(AnalyzedNotebook analyzed) {
        Set<String> names = new HashSet<>();
        for (CellNames cell : analyzed.cellNames().values()) {
            for (FunctionInfo f : cell.functions()) {
                names.addAll(f.globalWrites());
            }
        }
        return names;
    }

    /** Descends into everything that runs when the cell runs: not function, lambda or class bodies. */
    static boolean descendAtModuleLevel(Node node) {
        return !(node instanceof Stmt.FunctionDef || node instanceof Stmt.ClassDef || node instanceof Expr.Lambda);
    }

    /** The statements that run when the cell runs, nested ones included, in source order. */
    static List<Stmt> moduleLevelStatements(Module module) {
        List<Stmt> out = new ArrayList<>();
        AstWalker.walk(module, NotebookNames::descendAtModuleLevel, n -> {
            if (n instanceof Stmt s) {
                out.add(s);
            }
        });
        return out;
    }

    /** True when the span lies inside the body of a function or lambda of the module (deferred code). */
    static boolean insideFunction(Module module, Span span) {
        boolean[] inside = {false};
        AstWalker.walk(module, n -> {
            if ((n instanceof Stmt.FunctionDef || n instanceof Expr.Lambda || n instanceof Stmt.ClassDef)
                && contains(n.span(), span)) {
                inside[0] = true;
            }
        });
        return inside[0];
    }

    /** The first read of {@code name} in code that runs with the cell (not in function bodies). */
    static Optional<Span> firstModuleLevelName(Module module, String name) {
        List<Span> spans = new ArrayList<>();
        AstWalker.walk(module, NotebookNames::descendAtModuleLevel, n -> {
            if (n instanceof Expr.Name x && x.id().equals(name)) {
                spans.add(x.span());
            }
        });
        return spans.stream().min(Span::compareTo);
    }

    static boolean contains(Span outer, Span inner) {
        boolean startsBefore = outer.startLine() < inner.startLine()
            || (outer.startLine() == inner.startLine() && outer.startCol() <= inner.startCol());
        boolean endsAfter = outer.endLine() > inner.endLine()
            || (outer.endLine() == inner.endLine() && outer.endCol() >= inner.endCol());
        return startsBefore && endsAfter;
    }

    /** True when any expression of the tree satisfies the predicate (function bodies included). */
    static boolean any(Node root, Predicate<Node> test) {
        boolean[] found = {false};
        AstWalker.walk(root, n -> {
            if (test.test(n)) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
