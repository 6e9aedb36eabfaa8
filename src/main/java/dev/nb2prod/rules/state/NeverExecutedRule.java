package dev.nb2prod.rules.state;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;

/** NB104: a code cell that was never run although the rest of the notebook was. */
final class NeverExecutedRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB104", "never-executed", Family.STATE, Severity.INFO,
        "A code cell has no execution count while other cells of the notebook ran.",
        """
        A cell that never ran is either dead code or code whose effects the saved results do not include:
        it may not even work. A notebook saved with all outputs cleared is not a finding.
        """,
        """
        In [1]: df = load()
        In [ ]: df = df.drop_duplicates()
        In [2]: df.describe()
        """,
        """
        In [1]: df = load()
        In [2]: df = df.drop_duplicates()
        In [3]: df.describe()
        """,
        "`nb2prod extract` keeps the cell; delete it if it is dead, or run the notebook top to bottom.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        if (context.graph().executionOrder().runOrder().isEmpty()) {
            return;
        }
        for (int cell : context.graph().executionOrder().neverRun()) {
            if (context.analyzed().parsed(cell) instanceof ParsedCell.Parsed parsed && parsed.module().body().isEmpty()) {
                continue;
            }
            List<Integer> ran = context.graph().executionOrder().runOrder();
            context.reportCell(cell, "cell never ran although " + ran.size() + " other cell"
                + (ran.size() == 1 ? "" : "s") + " did: the saved results do not include it (dead or untested code?)");
        }
    }
}
