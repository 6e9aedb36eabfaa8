package dev.nb2prod.rules.imports;

import dev.nb2prod.python.ast.Alias;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NB301: module-level imports that come after other code, in a later cell or further down the same cell.
 * Set-up statements (magics, docstrings, {@code warnings}/{@code sys.path}/{@code os.environ} settings, display
 * options, seeds and styles) do not count as code; imports in functions and in {@code try} blocks are fine.
 */
public final class ImportNotAtTopRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB301", "import-not-at-top", Family.IMPORTS, Severity.WARNING,
        "An import appears after code instead of at the top of the notebook.",
        """
        Imports scattered through a notebook hide its dependencies: a reader (or a requirements file) only
        learns what the job needs by reading every cell, and running a later cell alone fails if an import
        lives in a cell that was skipped. Python modules put imports at the top (PEP 8).
        """,
        """
        df = pd.read_csv(path)
        from sklearn.model_selection import train_test_split
        """,
        """
        import pandas as pd
        from sklearn.model_selection import train_test_split

        df = pd.read_csv(path)
        """,
        "`nb2prod extract` gathers every import at the top of the generated module.");

    private static final Set<String> SETUP_CALL_PREFIXES = Set.of(
        "warnings.", "sys.path.", "os.environ", "pd.set_option", "pd.options.", "pandas.set_option",
        "np.set_printoptions", "numpy.set_printoptions", "np.random.seed", "numpy.random.seed", "random.seed",
        "matplotlib.use", "mpl.use", "matplotlib.rc", "mpl.rc", "plt.style.use", "plt.rc", "matplotlib.style.use",
        "sns.set", "seaborn.set", "init_notebook_mode", "py.init_notebook_mode", "pyo.init_notebook_mode",
        "offline.init_notebook_mode", "cf.", "cufflinks.", "tf.random.set_seed",
        "tf.set_random_seed", "torch.manual_seed", "os.chdir", "sys.setrecursionlimit", "nltk.download",
        "InteractiveShell.", "get_ipython", "logging.basicConfig", "tqdm.pandas", "load_dotenv", "set_matplotlib_formats",
        "pio.renderers", "tf.compat.v1.disable", "tf.logging.set_verbosity", "spark.conf.set", "print");
    private static final Set<String> SETUP_TARGET_PREFIXES = Set.of(
        "os.environ", "pd.options.", "pandas.options.", "plt.rcParams", "mpl.rcParams", "matplotlib.rcParams",
        "InteractiveShell.", "np.random.seed", "sys.path", "pio.renderers.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        String firstCode = null;
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Stmt stmt : cell.module().body()) {
                if (stmt instanceof Stmt.Import || stmt instanceof Stmt.ImportFrom) {
                    if (firstCode != null && !future(stmt)) {
                        context.report(cell.index(), stmt.span(), "import of " + modules(stmt) + " after code ("
                            + firstCode + "): move it to the imports at the top of the notebook");
                    }
                } else if (firstCode == null && !setup(stmt)) {
                    firstCode = "cell " + (cell.index() + 1) + ", line " + stmt.span().startLine();
                }
            }
        }
    }

    private static boolean future(Stmt stmt) {
        return stmt instanceof Stmt.ImportFrom f && "__future__".equals(f.module());
    }

    private static String modules(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Import i -> i.names().stream().map(Alias::name).collect(Collectors.joining(", "));
            case Stmt.ImportFrom f -> ".".repeat(f.level()) + (f.module() == null ? "" : f.module());
            default -> "";
        };
    }

    /** Statements that may precede imports: set-up, not computation. */
    private static boolean setup(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ExprStmt e when e.value() instanceof Expr.Constant || e.value() instanceof Expr.Magic
                || e.value() instanceof Expr.Name || e.value() instanceof Expr.Attribute -> true;
            case Stmt.ExprStmt e when e.value() instanceof Expr.Call c -> setupName(c.func(), SETUP_CALL_PREFIXES);
            case Stmt.Assign a -> a.targets().stream().allMatch(t -> setupTarget(t) || dunder(t))
                || constant(a.value()) || probe(a.value()) || a.value() instanceof Expr.Magic
                || a.value() instanceof Expr.Call c && setupName(c.func(), SETUP_CALL_PREFIXES);
            case Stmt.Assert a -> true;
            case Stmt.CellMagic m -> true;
            case Stmt.ObjectInfo o -> true;
            case Stmt.Try t -> t.body().stream().allMatch(s -> s instanceof Stmt.Import || s instanceof Stmt.ImportFrom
                || setup(s));
            case Stmt.If i -> i.body().stream().allMatch(s -> s instanceof Stmt.Import || s instanceof Stmt.ImportFrom
                || setup(s)) && i.orelse().stream().allMatch(s -> s instanceof Stmt.Import
                || s instanceof Stmt.ImportFrom || setup(s));
            default -> false;
        };
    }

    /** A literal value: a string, a number, or a list/tuple/dict of them (a setting, not computation). */
    private static boolean constant(Expr value) {
        return switch (value) {
            case Expr.Constant c -> true;
            case Expr.UnaryOp u -> constant(u.operand());
            case Expr.ListExpr l -> l.elts().stream().allMatch(ImportNotAtTopRule::constant);
            case Expr.TupleExpr t -> t.elts().stream().allMatch(ImportNotAtTopRule::constant);
            case Expr.DictExpr d -> d.items().stream().allMatch(i -> i.key() != null && constant(i.key()) && constant(i.value()));
            default -> false;
        };
    }

    /**
     * An environment probe: {@code IS_COLAB = "google.colab" in sys.modules}, {@code PY2 = sys.version_info < (3,)}:
     * literals and names read from {@code sys}, {@code os} or {@code platform}, compared or combined.
     */
    private static boolean probe(Expr value) {
        return switch (value) {
            case Expr.Compare c -> probe(c.left()) && c.comparators().stream().allMatch(ImportNotAtTopRule::probe);
            case Expr.BoolOp b -> b.values().stream().allMatch(ImportNotAtTopRule::probe);
            case Expr.UnaryOp u -> probe(u.operand());
            case Expr.Subscript s -> probe(s.value()) && (s.slice() instanceof Expr.Constant);
            case Expr.Call c -> c.args().stream().allMatch(a -> probe(a.value()))
                && PROBE_CALLS.contains(Dotted.name(c.func()).orElse(""));
            case Expr.Attribute a -> PROBE_ROOTS.contains(Dotted.root(a).orElse(""));
            default -> constant(value);
        };
    }

    private static final Set<String> PROBE_ROOTS = Set.of("sys", "os", "platform");
    private static final Set<String> PROBE_CALLS = Set.of("os.environ.get", "os.getenv", "os.path.exists",
        "os.path.isdir", "os.path.isfile", "platform.system", "platform.python_version", "platform.machine");

    private static boolean setupTarget(Expr target) {
        Expr base = target instanceof Expr.Subscript s ? s.value() : target;
        return setupName(base, SETUP_TARGET_PREFIXES);
    }

    private static boolean dunder(Expr target) {
        return target instanceof Expr.Name n && n.id().startsWith("__") && n.id().endsWith("__");
    }

    private static boolean setupName(Expr callee, Set<String> prefixes) {
        String dotted = Dotted.name(callee).orElseGet(() -> Dotted.root(callee).orElse(""));
        if (dotted.isEmpty()) {
            return false;
        }
        for (String prefix : prefixes) {
            String p = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (dotted.equals(p) || dotted.startsWith(p + ".") || p.endsWith(".set") && dotted.startsWith(p + "_")) {
                return true;
            }
        }
        return false;
    }
}
