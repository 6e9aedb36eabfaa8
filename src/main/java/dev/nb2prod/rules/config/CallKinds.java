package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.Set;

/** Classifies calls by their callee: plotting APIs, output and formatting, display helpers. */
final class CallKinds {
    private static final Set<String> PLOT_ROOTS = Set.of(
        "plt", "pyplot", "matplotlib", "mpl", "sns", "seaborn", "px", "go", "pylab", "alt", "bokeh", "plotly", "ff",
        "mticker", "ticker", "mdates", "patches", "mpatches", "cm", "colors", "display", "widgets", "ipywidgets", "hv", "opts", "holoviews", "hd", "datashader",
        "ds", "folium", "gv", "geoviews", "dsshow", "wordcloud", "WordCloud", "graphviz", "nx", "networkx");
    private static final Set<String> PLOT_METHODS = Set.of(
        "hist", "scatter", "boxplot", "imshow", "heatmap", "subplots", "subplot", "figure", "legend", "annotate",
        "barh", "pie", "violinplot", "set_title", "set_xlabel", "set_ylabel", "set_xlim", "set_ylim", "text",
        "add_subplot", "add_axes", "tight_layout", "savefig", "colorbar", "axhline", "axvline", "fill_between",
        "errorbar", "contour", "contourf", "pcolormesh", "quiver", "stem", "step", "set_xticks", "set_yticks",
        "set_xticklabels", "set_yticklabels", "tick_params", "grid", "suptitle", "style", "background_gradient",
        "set_precision", "format", "bar_label", "hexbin", "kde", "density", "area", "line", "bar");
    /** Calls whose numeric arguments only shape output: printing, formatting, rounding, previews, loops. */
    private static final Set<String> OUTPUT_CALLS = Set.of(
        "print", "format", "round", "range", "xrange", "head", "tail", "sample", "display", "set_option",
        "set_printoptions", "sleep", "seed", "manual_seed", "set_seed", "nlargest", "nsmallest", "describe",
        "info", "debug", "warning", "error", "critical", "log", "exception", "write", "tqdm", "trange", "linspace",
        "arange", "logspace", "reshape", "zeros", "ones", "full", "empty", "eye", "randint", "rand", "randn",
        "normal", "uniform", "choice", "shuffle", "random", "permutation", "Figure", "resize", "truncate",
        "to_string", "to_html", "to_markdown", "option_context", "chunk", "chunks", "split", "rsplit", "zfill",
        "ljust", "rjust", "center", "encode", "decode", "assert_allclose", "assert_almost_equal", "isclose",
        "allclose", "timedelta", "datetime", "date", "Timedelta", "Timestamp", "DateOffset", "date_range",
        "period_range", "timedelta_range", "percentile",
        "quantile", "rolling", "expanding", "ewm", "shift", "diff", "pct_change",
        "interp", "repeat", "tile", "take", "iloc", "loc", "getattr", "setattr", "islice", "combinations",
        "permutations", "product", "stack", "concatenate", "hstack", "vstack", "expand_dims", "squeeze", "transpose",
        "swapaxes", "rot90", "flip", "roll", "pad", "crop", "astype", "dtype", 
        "chr", "ord", "str", "hex", "bin", "oct", "divmod");

    private CallKinds() {}

    /** Plotting calls: {@code plt.*}, {@code ax.*}, {@code fig.*}, {@code sns.*}, {@code df.plot(...)}, {@code df.plot.bar(...)}. */
    static boolean plotting(Expr.Call call) {
        String root = Dotted.root(call.func()).orElse("");
        String last = Dotted.lastPart(call.func());
        if (PLOT_ROOTS.contains(root) || root.matches("(ax|axes|axs|fig|figure|g|cbar)\\d*")
            || root.matches("\\w+_(ax|axes|fig)\\d*")) {
            return true;
        }
        return last.startsWith("plot") || last.endsWith("plot") || PLOT_METHODS.contains(last) || throughPlot(call.func());
    }

    /** Calls whose numbers shape output or build arrays rather than configure a model or a filter. */
    static boolean output(Expr.Call call) {
        String dotted = Dotted.name(call.func()).orElse("");
        return OUTPUT_CALLS.contains(Dotted.lastPart(call.func())) || dotted.startsWith("logging.")
            || dotted.startsWith("logger.") || dotted.startsWith("log.");
    }

    private static boolean throughPlot(Expr expr) {
        return switch (expr) {
            case Expr.Attribute a -> a.attr().equals("plot") || a.attr().equals("style") || throughPlot(a.value());
            case Expr.Call c -> throughPlot(c.func());
            case Expr.Subscript s -> throughPlot(s.value());
            default -> false;
        };
    }
}
