package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.Optional;

/**
 * NB202: string literals naming a machine-specific location: absolute, Windows, home, network share or cloud paths.
 * The payload says whether an I/O call reads or writes there (directly or through the variable holding it).
 */
public final class HardCodedPathRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB202", "hard-coded-path", Family.CONFIGURATION, Severity.WARNING,
        "A string literal is an absolute, home-relative, Windows, network-share or cloud-storage path.",
        """
        A path like `/Users/ana/Downloads/sales.csv` or `s3://team-bucket/raw/` works on one machine or in one
        account only. The job breaks on the server, in CI and for every colleague, and changing the location
        means editing code. An f-string whose bucket is a variable (`f"gs://{bucket}/staging"`) already takes
        the varying part from elsewhere and is not reported.
        """,
        """
        sales = pd.read_csv("/Users/ana/Downloads/sales.csv")
        """,
        """
        sales = pd.read_csv(config.data_dir / "sales.csv")
        """,
        "`nb2prod extract` moves the path into the generated configuration file and reads it from there.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        DataPathUses uses = DataPathUses.of(context);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            AstWalker.walk(cell.module(), n -> !docstring(n), n -> {
                String text = switch (n) {
                    case Expr.Str s when !s.prefix().contains("b") -> s.value();
                    case Expr.FString f -> f.text();
                    default -> null;
                };
                if (text == null) {
                    return;
                }
                String checked = n instanceof Expr.FString ? text.replaceAll("\\{[^{}]*\\}", "x") : text;
                // f"gs://{bucket}/staging" takes the bucket, the part that differs between environments, from a
                // variable; f"gs://my-bucket/{day}" and f"/Users/{user}/data.csv" fix the location in the code
                Optional<PathLiterals.Kind> kind = PathLiterals.absolute(checked).filter(k -> !(n instanceof Expr.FString
                    && k == PathLiterals.Kind.CLOUD && text.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*:/{1,2}\\{.*")));
                kind.ifPresent(k -> context.report(cell.index(), n.span(), "hard-coded " + k.label + " "
                    + Literals.quote(text) + ": move it to configuration",
                    new Payload.PathValue(text, k.payloadKind, uses.role(cell.index(), n.span()))));
            });
        }
    }

    /** A bare string statement (docstring or comment-like string): its text is not a value the code uses. */
    private static boolean docstring(Node n) {
        return n instanceof Stmt.ExprStmt s && (s.value() instanceof Expr.Str || s.value() instanceof Expr.FString);
    }
}
