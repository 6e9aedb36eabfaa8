package dev.nb2prod.rules.state;

import dev.nb2prod.graph.ExecutionOrder;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;

/** NB103: the saved execution counts show cells were run out of top-to-bottom order. */
final class OutOfOrderExecutionRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB103", "out-of-order-execution", Family.STATE,
        Severity.WARNING,
        "A cell's execution count is lower than that of a cell above it: the notebook was not run top to bottom.",
        """
        The saved outputs come from the order the author clicked in, not from the order of the file. Results
        shown may not be what running the notebook (or the extracted script) produces. Restart the kernel and
        run all cells before saving.
        """,
        """
        In [2]: df = load()
        In [1]: df = clean(df)
        """,
        """
        In [1]: df = load()
        In [2]: df = clean(df)
        """,
        "Nothing to extract: `nb2prod extract` follows the file order; re-run the notebook top to bottom and "
            + "check that the outputs still hold.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        java.util.Set<Integer> empty = new java.util.HashSet<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            if (cell.module().body().isEmpty()) {
                empty.add(cell.index()); // nothing to run: its order says nothing about the results
            }
        }
        for (ExecutionOrder.OutOfOrder o : context.graph().executionOrder().outOfOrder()) {
            if (empty.contains(o.cell()) || empty.contains(o.above())) {
                continue;
            }
            context.reportCell(o.cell(), "cell ran [" + o.count() + "] before " + NotebookNames.label(o.above())
                + " above it [" + o.aboveCount() + "]: the saved results come from a different order than top to bottom");
        }
    }
}
