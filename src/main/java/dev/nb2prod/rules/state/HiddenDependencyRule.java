package dev.nb2prod.rules.state;

import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.Optional;

/** NB102: a cell reads a name that only a cell further down defines. */
final class HiddenDependencyRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB102", "hidden-dependency", Family.STATE, Severity.ERROR,
        "A cell reads a name that no cell above it defines; only a cell further down does.",
        """
        The notebook only worked because the author ran a lower cell first. Run top to bottom (by a colleague,
        by CI, by `nbconvert --execute`) it stops with a `NameError`, and an extracted script has no order to
        fall back on. Reads inside function bodies count only when the function is defined and the name is
        also read by the cell itself.
        """,
        """
        # cell 1
        df = df[df.amount > 0]
        # cell 2
        df = pd.read_csv("orders.csv")
        """,
        """
        # cell 1
        df = pd.read_csv("orders.csv")
        # cell 2
        df = df[df.amount > 0]
        """,
        "`nb2prod extract` orders the steps by their dependencies where it can, and refuses when cells depend on "
            + "each other in a cycle.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (NameProblem problem : context.graph().hiddenDependencies()) {
            if (UndefinedNameRule.KERNEL_NAMES.contains(problem.name())) {
                continue; // a Spark kernel defines it before any cell runs
            }
            Optional<Span> where = readAtModuleLevel(context, problem);
            if (where.isEmpty()) {
                continue;
            }
            String later = NotebookNames.label(problem.definedIn().get(0));
            context.report(problem.cell(), where.get(), "'" + problem.name() + "' is read here but only defined "
                + "further down, in " + later + ": running top to bottom fails with NameError");
        }
    }

    /**
     * Where the cell reads the name in code that runs with it; empty when it only reads it in a function body
     * (the function may well be called after the later cell ran).
     */
    static Optional<Span> readAtModuleLevel(RuleContext context, NameProblem problem) {
        if (!(context.analyzed().parsed(problem.cell()) instanceof ParsedCell.Parsed parsed)) {
            return Optional.empty();
        }
        Module module = parsed.module();
        if (problem.span().equals(Span.NONE) || !NotebookNames.insideFunction(module, problem.span())) {
            return Optional.of(problem.span());
        }
        return NotebookNames.firstModuleLevelName(module, problem.name());
    }
}
