package dev.nb2prod.rules;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Span;
import java.util.Map;

/** NB001: a code cell that does not parse. */
final class SyntaxErrorRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB001", "syntax-error", Family.META, Severity.ERROR,
        "A code cell is not valid Python (IPython syntax included).",
        """
        A cell that does not parse cannot run, cannot be analysed (nb2prod knows nothing of what it defines or
        reads) and cannot be extracted. Python 2 code (`print "x"`) in a Python 3 notebook is the usual cause.
        """,
        """
        print "rows:", len(df)
        """,
        """
        print("rows:", len(df))
        """,
        "`nb2prod extract` refuses cells that do not parse: fix them first.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (Map.Entry<Integer, ParsedCell> entry : context.analyzed().parsedCells().entrySet()) {
            if (entry.getValue() instanceof ParsedCell.Failed failed) {
                int line = failed.error().line();
                int column = Math.max(0, failed.error().column() - 1);
                context.report(entry.getKey(), new Span(line, column, line, column + 1),
                    "syntax error: " + failed.error().message());
            }
        }
    }
}
