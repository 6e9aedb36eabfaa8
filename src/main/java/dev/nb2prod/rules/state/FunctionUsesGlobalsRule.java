package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * NB106: a module-level function that reads, assigns or changes the notebook's data through globals instead
 * of taking it as parameters. Modules, functions, classes, UPPER_CASE constants and names only ever bound to
 * literals (numbers, strings, and lists/dicts of them, never changed) do not count.
 */
final class FunctionUsesGlobalsRule implements Rule {
    private static final Pattern CONSTANT_NAME = Pattern.compile("_*[A-Z][A-Z0-9_]*");
    private static final int MAX_LISTED = 5;

    private static final RuleInfo INFO = new RuleInfo("NB106", "function-uses-globals", Family.STATE,
        Severity.WARNING,
        "A function reads, assigns (`global`) or changes in place the notebook's variables instead of taking them "
            + "as parameters and returning results.",
        """
        A function that reads `df` from the notebook works only after the right cells ran, returns different
        results as the global changes, and cannot be moved into a module or unit-tested. One that assigns
        `global` variables or appends to them hides its output. Imported modules, other functions and classes,
        UPPER_CASE constants and names bound only to literals are fine.
        """,
        """
        df = pd.read_csv("sales.csv")

        def top_customers(n):
            return df.groupby("customer").amount.sum().nlargest(n)
        """,
        """
        def top_customers(df, n):
            return df.groupby("customer").amount.sum().nlargest(n)
        """,
        "`nb2prod extract` keeps the function inside the step that defines it, passes the data it reads in as "
            + "that step's parameters, and lists the function as a TODO in the generated README.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        Set<String> tools = NotebookNames.tools(context.analyzed());
        Set<String> defined = new HashSet<>();
        Set<String> mutated = new HashSet<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNames names = context.analyzed().names(cell.index());
            defined.addAll(names.defines());
            mutated.addAll(names.mutates());
            names.functions().forEach(f -> mutated.addAll(f.mutates()));
        }
        Set<String> constants = literalConstants(context);
        constants.removeAll(mutated);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (FunctionInfo f : context.analyzed().names(cell.index()).functions()) {
                Set<String> reads = new TreeSet<>();
                for (String name : f.reads()) {
                    if (defined.contains(name) && !tools.contains(name) && !constants.contains(name)
                        && !CONSTANT_NAME.matcher(name).matches() && !f.globalWrites().contains(name)) {
                        reads.add(name);
                    }
                }
                Set<String> writes = new TreeSet<>(f.globalWrites());
                writes.removeAll(tools);
                Set<String> changes = new TreeSet<>();
                for (String name : f.mutates()) {
                    if (defined.contains(name) && !tools.contains(name) && !writes.contains(name)) {
                        changes.add(name);
                    }
                }
                reads.removeAll(changes);
                List<String> parts = new ArrayList<>();
                if (!reads.isEmpty()) {
                    parts.add("reads global " + list(reads));
                }
                if (!writes.isEmpty()) {
                    parts.add("assigns global " + list(writes));
                }
                if (!changes.isEmpty()) {
                    parts.add("changes global " + list(changes) + " in place");
                }
                if (!parts.isEmpty()) {
                    context.report(cell.index(), header(cell, f), "function " + f.name() + "() "
                        + String.join(" and ", parts) + " instead of taking parameters and returning results");
                }
            }
        }
    }

    private static String list(Set<String> names) {
        List<String> all = new ArrayList<>(names);
        if (all.size() <= MAX_LISTED) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, MAX_LISTED)) + " and " + (all.size() - MAX_LISTED) + " more";
    }

    /** The {@code def name} part of the function's first line. */
    private static Span header(RuleContext.ParsedCodeCell cell, FunctionInfo f) {
        Span s = f.span();
        List<String> lines = cell.cell().source().lines();
        int end = s.startCol() + 4 + f.name().length();
        if (s.startLine() >= 1 && s.startLine() <= lines.size()) {
            String line = lines.get(s.startLine() - 1).stripTrailing();
            int at = line.indexOf(f.name(), s.startCol());
            end = at >= 0 ? at + f.name().length() : Math.min(line.length(), end);
        }
        return new Span(s.startLine(), s.startCol(), s.startLine(), Math.max(end, s.startCol() + 1));
    }

    /** Names every module-level binding of which is a literal (or a list/tuple/dict/set of literals). */
    private static Set<String> literalConstants(RuleContext context) {
        Set<String> literal = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNames names = context.analyzed().names(cell.index());
            Set<String> literalHere = new HashSet<>();
            for (Stmt stmt : NotebookNames.moduleLevelStatements(cell.module())) {
                if (stmt instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                    (isLiteral(a.value()) ? literalHere : other).add(n.id());
                } else if (stmt instanceof Stmt.Assign a && a.targets().size() == 1
                    && a.targets().get(0) instanceof Expr.TupleExpr targets && a.value() instanceof Expr.TupleExpr values
                    && targets.elts().size() == values.elts().size()) {
                    // t0, t1 = 5, 50
                    for (int i = 0; i < targets.elts().size(); i++) {
                        if (targets.elts().get(i) instanceof Expr.Name n) {
                            (isLiteral(values.elts().get(i)) ? literalHere : other).add(n.id());
                        }
                    }
                } else if (stmt instanceof Stmt.AnnAssign a && a.target() instanceof Expr.Name n && a.value() != null) {
                    (isLiteral(a.value()) ? literalHere : other).add(n.id());
                }
            }
            for (String name : names.defines()) {
                (literalHere.contains(name) ? literal : other).add(name);
            }
        }
        literal.removeAll(other);
        return literal;
    }

    private static boolean isLiteral(Expr e) {
        return switch (e) {
            case Expr.Constant c -> !(c instanceof Expr.FString f) || f.values().isEmpty();
            case Expr.UnaryOp u -> u.operand() instanceof Expr.Num;
            case Expr.TupleExpr t -> t.elts().stream().allMatch(FunctionUsesGlobalsRule::isLiteral);
            case Expr.ListExpr l -> l.elts().stream().allMatch(FunctionUsesGlobalsRule::isLiteral);
            case Expr.SetExpr s -> s.elts().stream().allMatch(FunctionUsesGlobalsRule::isLiteral);
            case Expr.DictExpr d -> d.items().stream().allMatch(i -> i.key() != null && isLiteral(i.key())
                && isLiteral(i.value()));
            default -> false;
        };
    }
}
