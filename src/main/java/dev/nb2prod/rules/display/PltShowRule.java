package dev.nb2prod.rules.display;

import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.Set;

/** NB503: {@code plt.show()}, {@code pyplot.show()}, {@code fig.show()}: figures shown on screen rather than saved. */
public final class PltShowRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB503", "plt-show", Family.DISPLAY, Severity.INFO,
        "A figure is shown on screen (`plt.show()`, `fig.show()`) instead of being saved.",
        """
        `plt.show()` displays a figure for the person running the notebook. In a scheduled job there is no
        screen: the figure is lost, and with an interactive backend the call blocks until a window is closed.
        Figures a job produces are saved to files (or returned) so that they can be looked at later.
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

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            for (Expr.Call call : AstWalker.find(cell.module(), Expr.Call.class)) {
                if (call.func() instanceof Expr.Attribute a && a.attr().equals("show")) {
                    String receiver = Dotted.name(a.value()).orElse("");
                    if (PYPLOT.contains(receiver) || receiver.matches("fig\\w*|\\w+_fig\\d*|figure\\d*")) {
                        context.report(cell.index(), call.span(), receiver + ".show() displays the figure instead of"
                            + " saving it: save it to a file (savefig, write_image) or return it");
                    }
                }
            }
        }
    }
}
