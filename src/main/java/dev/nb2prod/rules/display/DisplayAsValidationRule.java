package dev.nb2prod.rules.display;

import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Set;

/**
 * NB501: cell-level expression statements that only show data for a person to look at: {@code df.head()},
 * {@code df.describe()}, {@code df.shape}, {@code df.isnull().sum()}, {@code len(df)}, {@code display(df)}, or a
 * bare name as the last statement of a cell.
 */
public final class DisplayAsValidationRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB501", "display-as-validation", Family.DISPLAY, Severity.INFO,
        "A cell displays data (`df.head()`, `df.shape`, `df`) so that a person can check it by eye.",
        """
        In a notebook the author looks at `df.head()` or `df.isnull().sum()` and decides whether the data is
        fine. In a scheduled job nobody looks: the check silently disappears. Checks that matter become
        assertions or logged metrics; the others can go.
        """,
        """
        df = pd.read_csv(path)
        df.isnull().sum()
        """,
        """
        df = pd.read_csv(path)
        assert df["customer_id"].notna().all(), "customer ids missing"
        log.info("rows: %d", len(df))
        """,
        "`nb2prod extract` drops display-only statements from the generated module.");

    private static final Set<String> DISPLAY_METHODS = Set.of(
        "head", "tail", "describe", "info", "sample", "value_counts", "nunique", "memory_usage", "isnull", "isna",
        "notnull", "notna", "corr");
    private static final Set<String> AGGREGATES_OF_CHECKS = Set.of("sum", "any", "all", "mean");
    private static final Set<String> DISPLAY_ATTRIBUTES = Set.of("shape", "dtypes", "columns", "dtype", "index", "size");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            List<Stmt> body = cell.module().body();
            for (int i = 0; i < body.size(); i++) {
                if (!(body.get(i) instanceof Stmt.ExprStmt statement)) {
                    continue;
                }
                boolean last = i == body.size() - 1;
                String kind = displayKind(statement.value(), last);
                if (kind != null) {
                    String code = Snippets.of(cell.cell(), statement.value().span());
                    context.report(cell.index(), statement.value().span(), code + " only " + kind
                        + " for someone to look at: turn the check into an assertion or a logged value, or drop it");
                }
            }
        }
    }

    /** What the expression shows, or null when it is not a display-only expression. */
    private static String displayKind(Expr value, boolean last) {
        return switch (value) {
            case Expr.Name n when last -> "displays the value";
            case Expr.Attribute a when DISPLAY_ATTRIBUTES.contains(a.attr()) && !module(a.value()) -> "displays its " + a.attr();
            case Expr.Call c -> {
                String lastPart = Dotted.lastPart(c.func());
                String dotted = Dotted.name(c.func()).orElse("");
                if (dotted.equals("display") || dotted.equals("IPython.display.display")) {
                    yield "displays data";
                }
                if (dotted.equals("len") && c.args().size() == 1) {
                    yield "displays a length";
                }
                if (c.func() instanceof Expr.Attribute a && !module(a.value())) {
                    if (DISPLAY_METHODS.contains(lastPart)) {
                        yield "displays a result";
                    }
                    if (AGGREGATES_OF_CHECKS.contains(lastPart) && a.value() instanceof Expr.Call inner
                        && Set.of("isnull", "isna", "notnull", "notna", "duplicated").contains(Dotted.lastPart(inner.func()))) {
                        yield "displays a count";
                    }
                }
                yield null;
            }
            default -> null;
        };
    }

    /** A receiver that is a module or library object rather than data ({@code pd.describe} is not a data check). */
    private static boolean module(Expr receiver) {
        String root = Dotted.name(receiver).map(d -> d.split("\\.")[0]).orElse("");
        return Set.of("pd", "np", "plt", "sns", "os", "sys", "tf", "torch", "math",
            "random", "logging", "pandas", "numpy", "self", "scipy", "stats", "sklearn").contains(root);
    }
}
