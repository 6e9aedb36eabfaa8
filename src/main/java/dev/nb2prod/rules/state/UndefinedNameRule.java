package dev.nb2prod.rules.state;

import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** NB108: a name no cell defines (and no star import can explain). */
final class UndefinedNameRule implements Rule {
    /** Names some kernels put in the namespace (Spark, Databricks). */
    static final Set<String> KERNEL_NAMES = Set.of("spark", "sc", "sqlContext", "sqlCtx", "dbutils",
        "displayHTML", "z");
    /** Line magics that bind names nb2prod cannot see. */
    private static final Set<String> BINDING_MAGICS = Set.of("run", "pylab", "store", "load", "autoreload",
        "load_ext", "sql", "R", "Rpull", "octave");
    private static final Pattern DYNAMIC = Pattern.compile("\\b(exec|execfile|globals|locals|vars|__builtins__)\\s*\\(|"
        + "get_ipython\\(\\)\\.(run_line_magic|run_cell|magic|user_ns|push)");

    private static final RuleInfo INFO = new RuleInfo("NB108", "undefined-name", Family.STATE, Severity.ERROR,
        "A cell reads a name that no cell defines, is not a builtin, and no star import can provide.",
        """
        The name existed in the author's kernel (from a deleted cell, an edited cell, or another notebook) but
        nowhere in the file: running the notebook or the extracted script fails with `NameError`. Notebooks
        that bind names dynamically (`%run`, `%pylab`, `%store -r`, `exec`, `globals()`) are not checked.
        """,
        """
        model.fit(X_train, y_train)   # no cell defines X_train any more
        """,
        """
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=SEED)
        model.fit(X_train, y_train)
        """,
        "`nb2prod extract` refuses names it cannot bind: define the name in a cell (or remove the read).");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        if (context.graph().undefined().isEmpty() || bindsDynamically(context)) {
            return;
        }
        Set<String> globalWrites = NotebookNames.globalWrites(context.analyzed());
        Set<String> unparsedWords = wordsOfUnparsedCells(context);
        for (NameProblem problem : context.graph().undefined()) {
            String name = problem.name();
            if (KERNEL_NAMES.contains(name) || globalWrites.contains(name) || unparsedWords.contains(name)) {
                continue;
            }
            Span span = problem.span();
            context.report(problem.cell(), span, "'" + name + "' is not defined by any cell: running the notebook "
                + "fails with NameError");
        }
    }

    private static boolean bindsDynamically(RuleContext context) {
        for (CodeCell cell : context.notebook().codeCells()) {
            String text = cell.source().text();
            if (DYNAMIC.matcher(text).find()) {
                return true;
            }
        }
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            if (NotebookNames.any(cell.module(), n -> (n instanceof Expr.Magic m && m.kind() == Expr.MagicKind.LINE
                && BINDING_MAGICS.contains(m.name()))
                || (n instanceof dev.nb2prod.python.ast.Stmt.CellMagic c && BINDING_MAGICS.contains(c.name())))) {
                return true;
            }
        }
        return false;
    }

    /** Words of the cells that do not parse: any of them may define a name. */
    private static Set<String> wordsOfUnparsedCells(RuleContext context) {
        Set<String> words = new HashSet<>();
        context.analyzed().parsedCells().forEach((index, parsed) -> {
            if (parsed instanceof ParsedCell.Failed) {
                for (String w : context.notebook().cells().get(index).source().text().split("[^A-Za-z0-9_]+")) {
                    words.add(w);
                }
            }
        });
        return words;
    }
}
