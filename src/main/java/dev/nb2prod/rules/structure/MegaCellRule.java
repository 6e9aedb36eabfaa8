package dev.nb2prod.rules.structure;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.HashSet;
import java.util.Set;

/** NB601: a cell too long to read, test or extract as one step. */
final class MegaCellRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB601", "mega-cell", Family.STRUCTURE, Severity.WARNING,
        "A code cell has more than `max-lines` lines of code (default 50) or `max-statements` statements (default 40).",
        """
        A cell that loads, cleans, trains and plots at once cannot be re-run in part, hides which names it
        produces, and turns into one untestable block of the extracted module. Functions, classes, imports and
        magic lines are not counted: they are already module code.
        Options: `max-lines`, `max-statements`.
        """,
        """
        df = pd.read_csv("sales.csv")
        df = df.dropna()
        # ... 80 more lines of cleaning, features, training and plots
        """,
        """
        df = load_sales("sales.csv")
        df = clean(df)
        model = train(features(df))
        """,
        "`nb2prod extract` turns the cell into one function; split the cell first so each step becomes its own "
            + "function.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        int maxLines = context.option("max-lines", 50);
        int maxStatements = context.option("max-statements", 40);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Module module = cell.module();
            if (onlyDefinitions(module) || isForeignCellMagic(module)) {
                continue;
            }
            // functions, classes, imports and magic lines are module code already: only the rest is counted
            Set<Integer> definitionLines = definitionLines(module);
            int lines = codeLines(cell.cell().source().text(), definitionLines);
            int statements = statements(module);
            if (lines > maxLines && statements > 1 || statements > maxStatements) { // one statement cannot be split
                context.reportCell(cell.index(), "cell has " + lines + " lines of code and " + statements
                    + " statements (limits " + maxLines + " and " + maxStatements
                    + "): split it into steps that each do one thing");
            }
        }
    }

    /** Non-blank lines that are not only a comment, outside {@code excluded} (1-based line numbers). */
    static int codeLines(String source, Set<Integer> excluded) {
        int count = 0;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i].strip();
            if (!s.isEmpty() && !s.startsWith("#") && !excluded.contains(i + 1)) {
                count++;
            }
        }
        return count;
    }

    /** The lines of the cell's top-level definitions, imports, docstrings and magic lines. */
    private static Set<Integer> definitionLines(Module module) {
        Set<Integer> lines = new HashSet<>();
        for (Stmt s : module.body()) {
            if (definition(s)) {
                for (int line = s.span().startLine(); line <= s.span().endLine(); line++) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static boolean definition(Stmt s) {
        return s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef || s instanceof Stmt.Import
            || s instanceof Stmt.ImportFrom || s instanceof Stmt.ExprStmt e
            && (e.value() instanceof Expr.Str || e.value() instanceof Expr.Magic);
    }

    /**
     * Simple statements at any depth (compound statements are counted through their bodies), outside function and
     * class bodies; imports and magic lines are not counted.
     */
    static int statements(Module module) {
        int[] count = {0};
        AstWalker.walk(module, n -> !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef), n -> {
            if (n instanceof Stmt s && isSimple(s) && !definition(s)) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static boolean isSimple(Stmt s) {
        return switch (s) {
            case Stmt.FunctionDef x -> false;
            case Stmt.ClassDef x -> false;
            case Stmt.If x -> false;
            case Stmt.For x -> false;
            case Stmt.While x -> false;
            case Stmt.With x -> false;
            case Stmt.Try x -> false;
            case Stmt.Match x -> false;
            case Stmt.CellMagic x -> false;
            default -> true;
        };
    }

    /** A cell of functions, classes, imports and docstrings only. */
    private static boolean onlyDefinitions(Module module) {
        if (module.body().isEmpty()) {
            return true;
        }
        for (Stmt s : module.body()) {
            boolean definition = s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef
                || s instanceof Stmt.Import || s instanceof Stmt.ImportFrom
                || (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Str);
            if (!definition) {
                return false;
            }
        }
        return true;
    }

    /** {@code %%writefile}, {@code %%bash}, {@code %%html}...: the body is not Python run by the notebook. */
    private static boolean isForeignCellMagic(Module module) {
        return module.body().size() == 1 && module.body().get(0) instanceof Stmt.CellMagic magic
            && magic.parsedBody() == null;
    }
}
