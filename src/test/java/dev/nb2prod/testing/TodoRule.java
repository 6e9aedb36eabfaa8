package dev.nb2prod.testing;

import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;

/** A rule for framework tests (code NB099): a finding on every source line containing {@code TODO}. */
public final class TodoRule implements Rule {
    public static final String CODE = "NB099";
    private static final RuleInfo INFO = new RuleInfo(CODE, "todo-left", Family.META, Severity.WARNING,
        "A TODO is left in a cell.", "Test rule.", "x = 1  # TODO", "x = 1", "Remove it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            List<String> lines = cell.cell().source().lines();
            for (int i = 0; i < lines.size(); i++) {
                int at = lines.get(i).indexOf("TODO");
                if (at >= 0) {
                    context.report(cell.index(), new Span(i + 1, at, i + 1, at + 4), "todo left: " + lines.get(i).strip());
                }
            }
        }
    }
}
