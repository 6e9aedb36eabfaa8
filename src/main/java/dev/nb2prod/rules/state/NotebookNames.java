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
        Set<String> imported = new HashSet<>();
        analyzed.cellNames().values().forEach(names -> names.imports().forEach(i -> {
            if (i.boundName() != null) {
                imported.add(i.boundName());
            }
        }));
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
                    if (n instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name t
                        && isToolValue(a.value(), imported)) {
                        tools.add(t.id());
                    }
                });
            }
        });
        return tools;
    }

    /** A lambda, or an alias of a module member ({@code Example = tf.train.Example}). */
    private static boolean isToolValue(Expr value, Set<String> imported) {
        if (value instanceof Expr.Lambda) {
            return true;
        }
        return value instanceof Expr.Attribute && dev.nb2prod.python.ast.Dotted.name(value)
            .map(n -> imported.contains(n.substring(0, n.indexOf('.')))).orElse(false);
    }

    private static final Set<String> TRAINING = Set.of("fit", "partial_fit", "fit_transform", "fit_predict",
        "fit_resample", "compile");

    /**
     * True when the only in-place changes the module makes to {@code name} are training calls
     * ({@code model.compile(...)}, {@code model.fit(X, y)}): the normal life of a model, not shared state.
     */
    static boolean onlyTrained(Module module, String name) {
        boolean[] trained = {false};
        boolean[] other = {false};
        AstWalker.walk(module, NotebookNames::descendIntoRunCode, n -> {
            if (n instanceof Expr.Call c && dev.nb2prod.python.names.MutatingMethods.mutatedBy(c) instanceof Expr target
                && dev.nb2prod.python.ast.Dotted.root(target).filter(name::equals).isPresent()) {
                boolean training = c.func() instanceof Expr.Attribute a && TRAINING.contains(a.attr());
                trained[0] |= training;
                other[0] |= !training;
            }
            List<Expr> targets = switch (n) {
                case Stmt.Assign a -> a.targets();
                case Stmt.AugAssign a -> List.of(a.target());
                case Stmt.Delete d -> d.targets();
                default -> List.of();
            };
            for (Expr t : targets) {
                if (!(t instanceof Expr.Name) && dev.nb2prod.python.ast.Dotted.root(t).filter(name::equals).isPresent()) {
                    other[0] = true;
                }
            }
        });
        return trained[0] && !other[0];
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

    /** Like {@link #descendAtModuleLevel} and also not into {@code %timeit} code (IPython runs it in a function). */
    static boolean descendIntoRunCode(Node node) {
        return descendAtModuleLevel(node)
            && !(node instanceof Expr.Magic m && m.name().equals("timeit"))
            && !(node instanceof Stmt.CellMagic c && c.name().equals("timeit"));
    }

    /** The statements that run when the cell runs, nested ones included, in source order. */
    static List<Stmt> moduleLevelStatements(Module module) {
        List<Stmt> out = new ArrayList<>();
        AstWalker.walk(module, NotebookNames::descendIntoRunCode, n -> {
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
                && n.span().contains(span)) {
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
