package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.WithItem;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import dev.nb2prod.graph.QualifiedNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** NB107: a call or assignment that changes process-wide settings every later cell silently depends on. */
final class ImplicitGlobalSettingRule implements Rule {
    private static final Set<String> SETTING_CALLS = Set.of(
        "pandas.set_option", "pandas.reset_option", "numpy.set_printoptions", "numpy.seterr",
        "warnings.filterwarnings", "warnings.simplefilter",
        "matplotlib.rc", "matplotlib.pyplot.rc", "matplotlib.rcParams.update", "matplotlib.pyplot.rcParams.update",
        "matplotlib.style.use", "matplotlib.pyplot.style.use",
        "seaborn.set", "seaborn.set_theme", "seaborn.set_style", "seaborn.set_context", "seaborn.set_palette",
        "os.chdir", "os.putenv", "os.environ.update", "os.environ.setdefault",
        "sys.path.append", "sys.path.insert", "sys.path.extend", "sys.setrecursionlimit", "locale.setlocale",
        "torch.set_default_dtype", "torch.set_default_tensor_type");
    /** Mappings whose items are settings: {@code plt.rcParams["figure.figsize"] = ...}. */
    private static final Set<String> SETTING_MAPPINGS = Set.of("matplotlib.rcParams", "matplotlib.pyplot.rcParams",
        "pylab.rcParams", "matplotlib.pylab.rcParams",
        "os.environ", "pandas.options");
    /** Context managers inside which a setting is scoped, not global. */
    private static final Set<String> SCOPING = Set.of("warnings.catch_warnings", "pandas.option_context",
        "matplotlib.rc_context", "matplotlib.pyplot.rc_context", "matplotlib.style.context",
        "matplotlib.pyplot.style.context", "numpy.printoptions", "numpy.errstate", "seaborn.axes_style",
        "seaborn.plotting_context");

    private static final RuleInfo INFO = new RuleInfo("NB107", "implicit-global-setting", Family.STATE,
        Severity.WARNING,
        "A cell changes a process-wide setting (pandas/numpy options, warning filters, matplotlib rcParams, "
            + "environment variables, the working directory, `sys.path`).",
        """
        Every later cell, and every library they call, silently depends on the setting. An extracted module that
        changes them on import changes them for its callers too; one that does not behaves differently from
        the notebook (paths no longer resolve, warnings reappear, numbers print differently). Settings scoped by
        a `with` block (`warnings.catch_warnings()`, `pd.option_context(...)`) are not findings. Plot styling
        (matplotlib rc and styles, seaborn themes) and display options change how things look, not what is
        computed: they are reported as info.
        """,
        """
        import warnings
        warnings.filterwarnings("ignore")
        os.chdir("/home/me/project/data")
        pd.set_option("display.max_columns", None)
        """,
        """
        DATA_DIR = Path(config.data_dir)            # explicit paths instead of chdir
        with pd.option_context("display.max_columns", None):
            display(df)
        """,
        "`nb2prod extract` drops notebook display settings (`pd.set_option('display...')`, `warnings` filters) and "
            + "lists each one as a TODO in the generated README; other settings stay in the step that made them.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        QualifiedNames names = QualifiedNames.of(context.analyzed());
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            List<Span> scoped = scopedBlocks(cell, names);
            Map<String, Node> first = new LinkedHashMap<>();
            Map<String, String> messages = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            AstWalker.walk(cell.module(), n -> {
                if (scoped.stream().anyMatch(s -> s.contains(n.span()))) {
                    return;
                }
                String message = message(n, names);
                if (message != null) {
                    // one finding per kind of setting and cell: eight rcParams lines are one configuration block
                    String key = message.substring(0, message.indexOf(' ', message.startsWith("assignment") ? 14 : 0)
                        ).replaceAll("[\\[(].*", "") + (cosmetic(n, names) ? " (look)" : "");
                    first.putIfAbsent(key, n);
                    messages.putIfAbsent(key, message);
                    counts.merge(key, 1, Integer::sum);
                }
            });
            first.forEach((key, node) -> {
                int more = counts.get(key) - 1;
                // plot styling and display options change how things look, not what is computed: info
                boolean cosmetic = cosmetic(node, names);
                String message = cosmetic ? messages.get(key).replace(DEPENDS, LOOKS) : messages.get(key);
                context.report(cell.index(), node.span(), message + (more > 0 ? " (" + more + " more in this cell)" : ""),
                    cosmetic ? Severity.INFO : INFO.severity());
            });
        }
    }

    private static String message(Node node, QualifiedNames names) {
        switch (node) {
            case Expr.Call call -> {
                Optional<String> q = names.qualify(call.func());
                if (q.isPresent() && SETTING_CALLS.contains(q.get())) {
                    return Dotted.describe(call.func()) + "(" + firstStringArg(call) + ") changes a process-wide "
                        + "setting that every later cell silently depends on: make it an explicit configuration step";
                }
                return null;
            }
            case Stmt.Assign a -> {
                for (Expr target : a.targets()) {
                    String t = settingTarget(target, names);
                    if (t != null) {
                        return "assignment to " + t + " changes a process-wide setting that every later cell "
                            + "silently depends on: make it an explicit configuration step";
                    }
                }
                return null;
            }
            case Stmt.AugAssign a -> {
                String t = settingTarget(a.target(), names);
                return t == null ? null : "assignment to " + t + " changes a process-wide setting that every later "
                    + "cell silently depends on: make it an explicit configuration step";
            }
            case Expr.Magic m when m.kind() == Expr.MagicKind.LINE && m.name().equals("env")
                && m.argsText().strip().matches("[A-Za-z_][A-Za-z0-9_]*\\s*[= ].*") ->  {
                return "%env " + m.argsText().strip().split("[= ]")[0] + " sets an environment variable for the "
                    + "whole process: make it an explicit configuration step";
            }
            case Expr.Magic m when m.kind() == Expr.MagicKind.LINE && m.name().equals("cd")
                && !m.argsText().isBlank() -> {
                return "%cd changes the working directory of the whole process: later relative paths silently "
                    + "depend on it; use explicit paths";
            }
            default -> {
                return null;
            }
        }
    }

    private static final String DEPENDS = "changes a process-wide setting that every later cell silently depends on: "
        + "make it an explicit configuration step";
    private static final String LOOKS = "changes how every later figure or printed value looks: set it once in a "
        + "style step, or scope it with a with block";

    /** Settings of how figures and printed values look: matplotlib rc and styles, seaborn themes, display options. */
    private static boolean cosmetic(Node node, QualifiedNames names) {
        String q = switch (node) {
            case Expr.Call call -> names.qualify(call.func()).orElse("");
            case Stmt.Assign a when !a.targets().isEmpty() -> target(a.targets().get(0), names);
            case Stmt.AugAssign a -> target(a.target(), names);
            default -> "";
        };
        boolean displayOption = q.equals("pandas.set_option") && node instanceof Expr.Call c && !c.args().isEmpty()
            && c.args().get(0).value() instanceof Expr.Str option && option.value().startsWith("display.");
        return q.startsWith("matplotlib.") || q.startsWith("seaborn.") || q.startsWith("pylab.")
            || q.startsWith("pandas.options.display") || q.equals("numpy.set_printoptions") || displayOption;
    }

    private static String target(Expr target, QualifiedNames names) {
        Expr base = target instanceof Expr.Subscript s ? s.value() : target;
        return names.qualify(base).orElse("");
    }

    /** The rendered target when it is an item or attribute of a settings mapping, else null. */
    private static String settingTarget(Expr target, QualifiedNames names) {
        Expr base = switch (target) {
            case Expr.Subscript s -> s.value();
            case Expr.Attribute a -> a;
            default -> null;
        };
        if (base == null) {
            return null;
        }
        Optional<String> q = names.qualify(base);
        if (q.isEmpty()) {
            return null;
        }
        String qualified = q.get();
        boolean setting = SETTING_MAPPINGS.stream().anyMatch(m -> qualified.equals(m) || qualified.startsWith(m + "."))
            && !(target instanceof Expr.Attribute && SETTING_MAPPINGS.contains(qualified))
            || qualified.equals("sys.path");
        if (!setting) {
            return null;
        }
        String rendered = Dotted.describe(base);
        if (target instanceof Expr.Subscript s) {
            rendered += s.slice() instanceof Expr.Str str ? "['" + str.value() + "']" : "[...]";
        }
        return rendered;
    }

    private static String firstStringArg(Expr.Call call) {
        for (Arg a : call.args()) {
            if (a.kind() == Arg.Kind.POSITIONAL) {
                return a.value() instanceof Expr.Str s ? "'" + s.value() + "'" : "...";
            }
        }
        return call.args().isEmpty() ? "" : "...";
    }

    /** The bodies of {@code with} blocks that scope settings. */
    private static List<Span> scopedBlocks(RuleContext.ParsedCodeCell cell, QualifiedNames names) {
        List<Span> spans = new ArrayList<>();
        for (Stmt.With with : AstWalker.find(cell.module(), Stmt.With.class)) {
            for (WithItem item : with.items()) {
                if (item.context() instanceof Expr.Call call && names.qualify(call.func()).filter(SCOPING::contains)
                    .isPresent()) {
                    spans.add(with.span());
                }
            }
        }
        return spans;
    }
}
