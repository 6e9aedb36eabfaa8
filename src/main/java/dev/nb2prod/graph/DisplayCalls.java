package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of calls and expressions that only show something: peeks at data ({@code df.head()},
 * {@code df.shape}, {@code x[:5]}), display functions, drawing calls and notebook display settings. Shared by the
 * rules (display-as-validation, the results of the cell graph) and the extractor (what it drops, what becomes a
 * figure), so that they never disagree on what is a display.
 */
public final class DisplayCalls {
    private DisplayCalls() {}

    /** Methods that return a look at data, not a result: {@code df.head()}, {@code df.describe()}. */
    public static final Set<String> PEEK_METHODS = Set.of("head", "tail", "sample", "describe", "info",
        "memory_usage", "nunique", "isnull", "isna", "notnull", "notna", "keys", "to_string", "style",
        "print_summary", "summary");

    /** Attributes that are a look at the shape of data: {@code df.shape}, {@code df.columns}. */
    public static final Set<String> PEEK_ATTRIBUTES = Set.of("shape", "dtypes", "columns", "dtype", "index",
        "size", "ndim");

    /** Functions that show data rather than compute it ({@code len} and {@code type} are looks too). */
    public static final Set<String> PEEK_FUNCTIONS = Set.of("len", "type", "dir", "help", "id", "vars", "repr");

    /** Functions that display a value (a display_data, not a result). */
    public static final Set<String> DISPLAY_FUNCTIONS = Set.of("display", "display_html", "display_markdown",
        "display_png", "display_svg", "display_latex", "display_json", "HTML", "Markdown", "Image", "Latex", "SVG",
        "JSON", "pprint", "print");

    /** Aggregates that, applied to a null or duplicate check, only count problems for someone to look at. */
    public static final Set<String> CHECK_AGGREGATES = Set.of("sum", "any", "all", "mean");

    /** Checks whose aggregate is a count to look at: {@code df.isnull().sum()}. */
    public static final Set<String> CHECKS = Set.of("isnull", "isna", "notnull", "notna", "duplicated");

    /** The usual names of axes and figures: their set_/add_ methods draw too ({@code ax.set_xscale('log')}). */
    public static final Set<String> AXES_NAMES = Set.of("ax", "axes", "axs", "ax1", "ax2", "ax3", "ax4", "fig",
        "figure");

    /** Methods that draw or decorate a figure, whatever their receiver ({@code df.plot()}, {@code ax.set_title()}). */
    public static final Set<String> DRAWING_METHODS = Set.of(
        "plot", "hist", "bar", "barh", "scatter", "boxplot", "imshow", "pie", "contour", "contourf", "pcolormesh",
        "fill_between", "errorbar", "hexbin", "kde", "density", "area", "step", "stem", "violinplot", "matshow",
        "spy", "quiver", "streamplot", "plot_surface", "plot_wireframe", "scatter3D", "plot3D", "set_title",
        "set_xlabel", "set_ylabel", "set_xlim", "set_ylim", "set_xticks", "set_yticks", "set_xticklabels",
        "set_yticklabels", "legend", "annotate", "text", "axhline", "axvline", "axhspan", "axvspan", "grid",
        "colorbar", "suptitle", "tight_layout", "subplots_adjust", "heatmap", "countplot", "barplot", "lineplot",
        "scatterplot", "histplot", "kdeplot", "distplot", "pairplot", "jointplot", "regplot", "lmplot", "catplot",
        "relplot", "displot", "swarmplot", "stripplot", "pointplot", "clustermap", "FacetGrid", "map",
        "map_dataframe", "add_legend", "set_axis_labels", "set_titles", "savefig", "show", "figure", "subplots",
        "subplot", "add_subplot", "gca", "gcf", "xlabel", "ylabel", "title", "xlim", "ylim", "xticks", "yticks",
        "xscale", "yscale", "set_xscale", "set_yscale", "axis", "set_aspect", "invert_yaxis", "invert_xaxis",
        "set_facecolor", "twinx", "twiny", "semilogx", "semilogy", "loglog", "polar", "clim", "clabel", "plot_date",
        "scatter_matrix", "parallel_coordinates", "andrews_curves", "radviz", "lag_plot", "autocorrelation_plot",
        "bootstrap_plot", "spines", "tick_params", "locator_params", "margins");

    /**
     * Methods that return None (they change their receiver or the world): in a notebook saved without outputs, a
     * cell ending with one displays nothing.
     */
    public static final Set<String> RETURNS_NONE = Set.of("append", "extend", "insert", "remove", "sort", "clear",
        "update", "add", "discard", "reverse", "write", "writelines", "close", "to_csv", "to_excel", "to_parquet",
        "to_json", "to_pickle", "to_sql", "to_feather", "to_hdf", "to_html", "savefig", "show", "seed", "shuffle",
        "save", "savez", "savez_compressed", "savetxt", "save_model", "save_weights", "imwrite", "write_image",
        "dump", "set_index", "reset_index", "rename", "drop", "fillna", "dropna", "replace", "sort_values",
        "sort_index", "set_option", "makedirs", "mkdir", "system", "sleep", "print", "exec", "setattr", "delattr",
        "download", "upload", "put", "send", "plot", "pprint", "info", "warn", "warning", "error", "debug");

    /**
     * Methods of data (pandas, numpy) whose only effect is the value they return: a statement calling one shows
     * nothing unless it is the last of a cell, and does nothing.
     */
    public static final Set<String> PURE_METHODS = Set.of("value_counts", "corr", "cov", "unique", "nunique",
        "mean", "sum", "min", "max", "median", "std", "var", "count", "describe", "head", "tail", "sample",
        "groupby", "agg", "aggregate", "round", "copy", "isna", "isnull", "notna", "notnull", "astype", "to_frame",
        "to_numpy", "tolist", "to_list", "to_dict", "to_string", "info", "memory_usage", "any", "all", "idxmax",
        "idxmin", "nlargest", "nsmallest", "quantile", "cumsum", "diff", "pct_change", "shift", "abs",
        "duplicated", "drop_duplicates", "dropna", "fillna", "reset_index", "set_index", "sort_values",
        "sort_index", "rename", "merge", "join", "pivot_table", "crosstab", "keys", "items", "values", "shape");

    /** Calls that change how a notebook shows things, not what it computes. */
    public static final Set<String> DISPLAY_SETTINGS = Set.of("init_notebook_mode", "set_printoptions",
        "filterwarnings", "simplefilter", "config_context", "go_offline");

    /** Calls that change how figures look (kept with the figures, dropped with them). */
    public static final Set<String> STYLE_SETTINGS = Set.of("matplotlib.pyplot.style.use", "matplotlib.style.use",
        "seaborn.set", "seaborn.set_style", "seaborn.set_theme", "seaborn.set_context", "seaborn.set_palette",
        "matplotlib.rc", "matplotlib.pyplot.rc", "matplotlib.rcParams.update", "matplotlib.pyplot.rcParams.update",
        "matplotlib.pyplot.xkcd", "matplotlib.pyplot.ion", "matplotlib.pyplot.ioff", "matplotlib.use");

    /**
     * What an expression is, when it is a display of some kind: a peek at data, a display call, a drawing call. Empty
     * for any other expression (a value a notebook shows as its result).
     */
    public static Optional<Kind> kind(Expr expr, QualifiedNames names) {
        return switch (expr) {
            case Expr.Attribute a when PEEK_ATTRIBUTES.contains(a.attr()) && !isModule(a.value(), names) ->
                Optional.of(Kind.PEEK);
            case Expr.Subscript s when isConstantSlice(s.slice()) -> Optional.of(Kind.PEEK);
            case Expr.Subscript s when s.value() instanceof Expr.Attribute a
                && (a.attr().equals("iloc") || a.attr().equals("loc")) && isConstantSlice(s.slice()) ->
                Optional.of(Kind.PEEK);
            case Expr.Call c -> callKind(c, names);
            default -> Optional.empty();
        };
    }

    private static Optional<Kind> callKind(Expr.Call call, QualifiedNames names) {
        String last = Dotted.lastPart(call.func());
        String dotted = Dotted.name(call.func()).orElse("");
        String qualified = names.qualify(call.func()).orElse("");
        if (DISPLAY_FUNCTIONS.contains(dotted) || qualified.startsWith("IPython.display.")) {
            return Optional.of(Kind.DISPLAY);
        }
        if (PEEK_FUNCTIONS.contains(dotted)) {
            return Optional.of(Kind.PEEK);
        }
        if (isDrawing(call, names)) {
            return Optional.of(Kind.DRAWING);
        }
        if (isDisplaySetting(call, names) || isStyleSetting(call, names)) {
            return Optional.of(Kind.SETTING);
        }
        if (call.func() instanceof Expr.Attribute a && !isModule(a.value(), names)) {
            if (PEEK_METHODS.contains(last)) {
                return Optional.of(Kind.PEEK);
            }
            if (CHECK_AGGREGATES.contains(last) && a.value() instanceof Expr.Call inner
                && CHECKS.contains(Dotted.lastPart(inner.func()))) {
                return Optional.of(Kind.PEEK);
            }
        }
        return Optional.empty();
    }

    /** True for a call that draws or decorates a figure: {@code plt.plot}, {@code df.plot.bar}, {@code sns.heatmap}. */
    public static boolean isDrawing(Expr.Call call, QualifiedNames names) {
        String last = Dotted.lastPart(call.func());
        if (last.startsWith("load_") || last.startsWith("get_") || last.startsWith("fetch_") || last.contains("palette")
            || last.equals("axes_style") || last.equals("plotting_context")) {
            return false; // seaborn's data sets and palettes, matplotlib's getters
        }
        String root = Dotted.root(call.func()).orElse("");
        if (last.equals("set") && AXES_NAMES.contains(root)) {
            return true; // ax.set(title=..., xlim=...)
        }
        if (isStyleSetting(call, names) || Set.of("rc", "rcdefaults", "use", "ion", "ioff", "close", "set_style",
            "set_theme", "set_context", "set", "switch_backend").contains(last) && call.func() instanceof Expr.Attribute) {
            return false; // how later figures look, or figure housekeeping: no figure of its own
        }
        String qualified = names.qualify(call.func()).orElse("");
        if (qualified.startsWith("matplotlib.") || qualified.startsWith("seaborn.") || qualified.startsWith("plotly.")) {
            return !qualified.startsWith("matplotlib.pyplot.style") && !qualified.endsWith(".rcParams.update");
        }
        if (AXES_NAMES.contains(root) && call.func() instanceof Expr.Attribute
            && (last.startsWith("set_") || last.startsWith("add_") || last.startsWith("tick"))) {
            return true;
        }
        // df.plot(), df.plot.bar(), df.hist(), series.plot(kind='bar')
        if (DRAWING_METHODS.contains(last) && call.func() instanceof Expr.Attribute) {
            return true;
        }
        // library and object plotting methods: model.plot_components(), pm.traceplot(), stock.plot_history()
        if (call.func() instanceof Expr.Attribute && (last.startsWith("plot_") || last.endsWith("plot")
            || last.endsWith("_plot") || last.startsWith("show_"))) {
            return true;
        }
        return call.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Attribute inner
            && inner.attr().equals("plot");
    }

    /** True for a call that only sets a notebook display option ({@code pd.set_option('display.…')}). */
    public static boolean isDisplaySetting(Expr.Call call, QualifiedNames names) {
        String qualified = names.qualify(call.func()).orElse(Dotted.name(call.func()).orElse(""));
        String last = Dotted.lastPart(call.func());
        if ((last.equals("set_option") || last.equals("option_context")) && !call.args().isEmpty()
            && call.args().get(0).value() instanceof Expr.Str s && s.value().startsWith("display")) {
            return true;
        }
        return DISPLAY_SETTINGS.contains(last) && (qualified.startsWith("warnings.") || qualified.startsWith("numpy.")
            || qualified.startsWith("plotly.") || qualified.startsWith("sklearn.") || qualified.startsWith("cufflinks.")
            || qualified.equals(last));
    }

    /** True for a call that sets the style of later figures ({@code plt.style.use}, {@code sns.set()}). */
    public static boolean isStyleSetting(Expr.Call call, QualifiedNames names) {
        return names.qualify(call.func()).map(STYLE_SETTINGS::contains).orElse(false);
    }

    /** A receiver that is a module or library object rather than data ({@code pd.describe} is no peek at data). */
    private static boolean isModule(Expr receiver, QualifiedNames names) {
        Optional<String> dotted = Dotted.name(receiver);
        Optional<String> root = dotted.map(d -> d.split("\\.")[0]);
        return root.isPresent() && (names.isImported(root.get()) || Set.of("pd", "np", "plt", "sns", "os", "sys",
            "tf", "torch", "math", "random", "logging", "pandas", "numpy", "self", "scipy", "stats", "sklearn")
            .contains(root.get()));
    }

    /** {@code [:5]}, {@code [-3:]}, {@code [:5, :3]}: bounds that are numbers (or absent). */
    private static boolean isConstantSlice(Expr slice) {
        return switch (slice) {
            case Expr.Slice s -> constantOrAbsent(s.lower()) && constantOrAbsent(s.upper()) && constantOrAbsent(s.step())
                && (s.lower() != null || s.upper() != null);
            case Expr.TupleExpr t -> !t.elts().isEmpty() && t.elts().stream().allMatch(e -> e instanceof Expr.Slice
                || e instanceof Expr.Num) && t.elts().stream().anyMatch(DisplayCalls::isConstantSlice);
            default -> false;
        };
    }

    private static boolean constantOrAbsent(Expr e) {
        return e == null || e instanceof Expr.Num || e instanceof Expr.UnaryOp u && u.operand() instanceof Expr.Num;
    }

    /** What a display shows. */
    public enum Kind {
        /** A look at data: its first rows, its shape, a summary. */
        PEEK,
        /** A display call ({@code display(x)}, {@code print(x)}): shown, not returned. */
        DISPLAY,
        /** A drawing call: part of a figure. */
        DRAWING,
        /** A display or style setting ({@code pd.set_option('display.…')}, {@code plt.style.use}). */
        SETTING
    }
}
