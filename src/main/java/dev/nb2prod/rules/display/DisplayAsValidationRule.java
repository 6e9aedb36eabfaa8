package dev.nb2prod.rules.display;

import dev.nb2prod.graph.DisplayCalls;
import dev.nb2prod.graph.QualifiedNames;
import java.util.Optional;
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

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        QualifiedNames names = QualifiedNames.of(context.analyzed());
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            List<Stmt> body = cell.module().body();
            for (int i = 0; i < body.size(); i++) {
                if (!(body.get(i) instanceof Stmt.ExprStmt statement)) {
                    continue;
                }
                boolean last = i == body.size() - 1;
                String kind = displayKind(statement.value(), last, names);
                if (kind != null) {
                    String code = Snippets.of(cell.cell(), statement.value().span());
                    context.report(cell.index(), statement.value().span(), code + " only " + kind
                        + " for someone to look at: turn the check into an assertion or a logged value, or drop it");
                }
            }
        }
    }

    /** IPython rich displays of fixed content (HTML, Markdown, an image file ...) present the notebook. */
    private static final Set<String> PRESENTATIONS = Set.of("HTML", "Markdown", "Image", "IFrame", "YouTubeVideo",
        "Latex", "Math", "SVG", "Javascript", "Video", "Audio", "FileLink");

    /** {@code HTML("<b>..</b>")}, {@code Image('figure.png')}: fixed content shown to the reader, no data checked. */
    private static boolean presentation(Expr value, QualifiedNames names) {
        if (!(value instanceof Expr.Call call)) {
            return false;
        }
        String qualified = names.qualify(call.func()).orElse(Dotted.name(call.func()).orElse(""));
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        boolean rich = PRESENTATIONS.contains(last) && (qualified.equals(last) || qualified.startsWith("IPython."));
        return rich && !call.args().isEmpty() && call.args().stream().allMatch(a -> a.value() instanceof Expr.Constant);
    }

    /** What the expression shows, or null when it is not a display-only expression. */
    private static String displayKind(Expr value, boolean last, QualifiedNames names) {
        if (value instanceof Expr.Name && last) {
            return "displays the value";
        }
        Optional<DisplayCalls.Kind> kind = DisplayCalls.kind(value, names);
        if (kind.isEmpty() || kind.get() == DisplayCalls.Kind.DRAWING || kind.get() == DisplayCalls.Kind.SETTING
            || presentation(value, names)) {
            return null;
        }
        return switch (value) {
            case Expr.Attribute a -> "displays its " + a.attr();
            case Expr.Subscript s -> last ? "displays a slice" : null;
            case Expr.Call c when Dotted.name(c.func()).orElse("").equals("print") -> null;
            case Expr.Call c when kind.get() == DisplayCalls.Kind.DISPLAY -> "displays data";
            case Expr.Call c when Dotted.name(c.func()).orElse("").equals("len") && c.args().size() == 1 ->
                "displays a length";
            case Expr.Call c when DisplayCalls.CHECK_AGGREGATES.contains(Dotted.lastPart(c.func())) -> "displays a count";
            case Expr.Call c when c.func() instanceof Expr.Attribute -> "displays a result";
            default -> null;
        };
    }
}
