package dev.nb2prod.rules.display;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;

/**
 * NB502: {@code print(...)} calls (and Python 2 print statements) that run with the cell, loops and branches
 * included, function and class bodies excluded (a function's prints are its interface).
 */
public final class PrintForCheckingRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB502", "print-for-checking", Family.DISPLAY, Severity.INFO,
        "A cell prints values to check them by eye.",
        """
        `print` in a notebook is how the author inspects intermediate results. In a job the text goes to a
        console nobody reads, without timestamps or levels, and cannot be switched off. Use logging for what
        operators need and assertions for what must hold.
        """,
        """
        print("rows after cleaning:", len(df))
        """,
        """
        log.info("rows after cleaning: %d", len(df))
        """,
        "`nb2prod extract` turns cell-level prints into logging calls.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            AstWalker.walk(cell.module(), PrintForCheckingRule::runsWithCell, n -> {
                Node found = switch (n) {
                    case Expr.Call c when Dotted.name(c.func()).orElse("").equals("print")
                        && (c.keyword("file") == null || Dotted.name(c.keyword("file")).orElse("").equals("sys.stdout")) -> c;
                    case Stmt.Print p -> p;
                    default -> null;
                };
                if (found != null) {
                    context.report(cell.index(), found.span(), Snippets.of(cell.cell(), found.span())
                        + " writes to stdout for someone to read: log it (or assert on it) instead");
                }
            });
        }
    }

    private static boolean runsWithCell(Node n) {
        return !(n instanceof Stmt.FunctionDef) && !(n instanceof Stmt.ClassDef) && !(n instanceof Expr.Lambda);
    }
}
