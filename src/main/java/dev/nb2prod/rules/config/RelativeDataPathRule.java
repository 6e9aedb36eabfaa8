package dev.nb2prod.rules.config;

import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.IoAccess;
import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** NB203: relative file paths given to the calls that read or write data (as the cell graph finds them). */
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

    private static final Set<String> PATH_KEYWORDS = Set.of(
        "path", "filepath", "filepath_or_buffer", "path_or_buf", "file", "filename", "fname", "io", "file_path", "fp");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            CellNode node = context.graph().cell(cell.index());
            Set<Span> ioCalls = new HashSet<>();
            Stream.concat(node.inputs().stream(), node.outputs().stream()).map(IoAccess::span).forEach(ioCalls::add);
            if (ioCalls.isEmpty()) {
                continue;
            }
            for (Expr.Call call : AstWalker.find(cell.module(), Expr.Call.class)) {
                String last = Dotted.lastPart(call.func());
                if (!ioCalls.contains(call.span()) || last.startsWith("load_") || last.startsWith("fetch_")) {
                    continue;
                }
                Expr.Str path = pathArgument(call);
                if (path != null && !path.prefix().contains("b") && PathLiterals.relativeFile(path.value())) {
                    context.report(cell.index(), path.span(), "relative data path " + Literals.quote(path.value())
                        + " in " + Dotted.describe(call.func()) + "(): take it from configuration");
                }
            }
        }
    }

    private static Expr.Str pathArgument(Expr.Call call) {
        for (Arg arg : call.args()) {
            if (arg.kind() == Arg.Kind.POSITIONAL) {
                return arg.value() instanceof Expr.Str s ? s : null;
            }
            if (arg.kind() == Arg.Kind.KEYWORD && PATH_KEYWORDS.contains(arg.keyword())) {
                return arg.value() instanceof Expr.Str s ? s : null;
            }
        }
        return null;
    }
}
