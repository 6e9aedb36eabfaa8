package dev.nb2prod.rules.display;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** NB503: {@code plt.show()}, {@code pyplot.show()}, {@code fig.show()}: figures shown on screen rather than saved. */
public final class PltShowRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB503", "plt-show", Family.DISPLAY, Severity.INFO,
        "A figure is shown on screen (`plt.show()`, `fig.show()`) instead of being saved.",
        """
        `plt.show()` displays a figure for the person running the notebook. In a scheduled job there is no
        screen: the figure is lost, and with an interactive backend the call blocks until a window is closed.
        Figures a job produces are saved to files (or returned) so that they can be looked at later. A figure
        saved before it is shown (`savefig`, `write_image`, or a notebook function that saves it) is not reported.
        """,
        """
        plt.plot(history["loss"])
        plt.show()
        """,
        """
        plt.plot(history["loss"])
        plt.savefig(config.output_dir / "loss.png")
        plt.close()
        """,
        "`nb2prod extract` replaces `plt.show()` with saving the figure to the configured output directory.");

    private static final Set<String> PYPLOT = Set.of("plt", "pyplot", "matplotlib.pyplot", "pylab", "pl", "mpl.pyplot");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Calls that write the current figure to a file. */
    private static final Set<String> SAVING = Set.of("savefig", "write_image", "write_html", "print_figure");

    @Override
    public void check(RuleContext context) {
        Set<String> savers = savers(context);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            List<Expr.Call> calls = AstWalker.find(cell.module(), Expr.Call.class);
            List<Span> functions = AstWalker.find(cell.module(), Stmt.FunctionDef.class).stream()
                .map(Stmt.FunctionDef::span).toList();
            for (Expr.Call call : calls) {
                // saved earlier in the same function or cell (plt.savefig, or the notebook's own save_fig
                // helper): shown as well
                Span scope = scope(call.span(), functions);
                boolean savedBefore = calls.stream().anyMatch(c -> c.span().compareTo(call.span()) < 0
                    && Objects.equals(scope(c.span(), functions), scope) && saves(c, savers));
                if (!savedBefore && call.func() instanceof Expr.Attribute a && a.attr().equals("show")) {
                    String receiver = Dotted.name(a.value()).orElse("");
                    if (PYPLOT.contains(receiver) || receiver.matches("fig\\w*|\\w+_fig\\d*|figure\\d*")) {
                        context.report(cell.index(), call.span(), receiver + ".show() displays the figure instead of"
                            + " saving it: save it to a file (savefig, write_image) or return it");
                    }
                }
            }
        }
    }

    /** The innermost function around a span, or null at the top level of the cell. */
    private static Span scope(Span span, List<Span> functions) {
        Span inner = null;
        for (Span f : functions) {
            if (f.contains(span) && (inner == null || inner.contains(f))) {
                inner = f;
            }
        }
        return inner;
    }

    private static boolean saves(Expr.Call call, Set<String> savers) {
        return call.func() instanceof Expr.Attribute a && SAVING.contains(a.attr())
            || call.func() instanceof Expr.Name n && savers.contains(n.id());
    }

    /** The functions the notebook defines that save a figure, directly or through another such function. */
    private static Set<String> savers(RuleContext context) {
        List<Stmt.FunctionDef> functions = new ArrayList<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            functions.addAll(AstWalker.find(cell.module(), Stmt.FunctionDef.class));
        }
        Set<String> savers = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt.FunctionDef f : functions) {
                if (!savers.contains(f.name())
                    && AstWalker.find(f, Expr.Call.class).stream().anyMatch(c -> saves(c, savers))) {
                    changed |= savers.add(f.name());
                }
            }
        }
        return savers;
    }
}
