package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;

/**
 * NB203: relative file paths given to the calls that read or write data (as the cell graph finds them), written as
 * the call's argument or assigned to the variable the call is given (reported at the assignment, once however
 * many calls use it).
 */
public final class RelativeDataPathRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB203", "relative-data-path", Family.CONFIGURATION, Severity.INFO,
        "A data file is read or written through a relative path written in the code.",
        """
        A relative path is resolved against the current directory, which is the notebook's folder in Jupyter but
        whatever directory a scheduler or a colleague starts the script from. Inputs and outputs also belong in
        configuration so that a run can point at other data.
        """,
        """
        df = pd.read_csv("data/sales.csv")
        df.to_csv("reports/summary.csv")
        """,
        """
        df = pd.read_csv(config.input_dir / "sales.csv")
        df.to_csv(config.output_dir / "summary.csv")
        """,
        "`nb2prod extract` turns the paths into configuration entries resolved against a configurable base directory.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        DataPathUses.of(context).sites().forEach((site, found) -> {
            // dataset loaders take names (load_dataset("tips")), and load_model & co. are left alone
            DataPathUses.Uses uses = found.filtered(u -> {
                String last = Dotted.lastPart(u.call().func());
                return !last.startsWith("load_") && !last.startsWith("fetch_");
            });
            if (uses.uses().isEmpty() || !(uses.literal() instanceof Expr.Str path) || path.prefix().contains("b")
                || !PathLiterals.relativeFile(path.value())) {
                return;
            }
            Payload payload = new Payload.PathValue(path.value(), Payload.PathKind.RELATIVE, uses.role());
            if (uses.throughVariable()) {
                context.report(site.cell(), path.span(), "relative data path " + Literals.quote(path.value()) + " ("
                    + describe(uses.uses()) + "): take it from configuration", payload);
            } else {
                context.report(site.cell(), path.span(), "relative data path " + Literals.quote(path.value()) + " in "
                    + Dotted.describe(uses.uses().get(0).call().func()) + "(): take it from configuration", payload);
            }
        });
    }

    /** {@code read by pd.read_csv in cell 8}, two of them, or the first and how many more. */
    private static String describe(List<DataPathUses.Use> uses) {
        if (uses.size() <= 2) {
            return String.join(", ", uses.stream().map(DataPathUses.Use::describe).toList());
        }
        return uses.get(0).describe() + " and " + (uses.size() - 1) + " more calls";
    }
}
