package dev.nb2prod.rules.imports;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;

/** NB303: {@code from m import *}, anywhere in a cell. */
public final class StarImportRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB303", "star-import", Family.IMPORTS, Severity.WARNING,
        "A module is imported with `from module import *`.",
        """
        A star import fills the namespace with names nobody chose: it can silently replace builtins or earlier
        names (`from pylab import *` replaces `sum`, `max`, `round`), readers cannot tell where a name comes
        from, and nb2prod cannot tell which cell defines what.
        """,
        """
        from pylab import *
        plot(x, sqrt(x))
        """,
        """
        import numpy as np
        import matplotlib.pyplot as plt
        plt.plot(x, np.sqrt(x))
        """,
        "`nb2prod extract` keeps the import but lists it among the things to fix by hand.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Stmt.ImportFrom from : AstWalker.find(cell.module(), Stmt.ImportFrom.class)) {
                if (from.star()) {
                    String module = ".".repeat(from.level()) + (from.module() == null ? "" : from.module());
                    context.report(cell.index(), from.span(), "star import from " + module
                        + ": import the names you use explicitly");
                }
            }
        }
    }
}
