package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Node;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NB201: numbers that are really settings: thresholds in comparisons and {@code query} strings, slice bounds
 * and hyper-parameter keyword arguments. Printing, plotting, formatting, {@code range} and preview calls
 * ({@code head}, {@code tail}, {@code sample}) are skipped, as are numbers of the allow-list (option {@code allow}).
 */
public final class MagicNumberRule implements Rule {
    static final List<String> DEFAULT_ALLOW = List.of("0", "1", "-1", "2", "100");

    private static final RuleInfo INFO = new RuleInfo("NB201", "magic-number", Family.CONFIGURATION, Severity.WARNING,
        "A threshold, slice bound or hyper-parameter is written as a bare number in the code.",
        """
        Numbers such as a revenue cut-off, a test split or a tree depth are decisions that change between runs
        and environments. Buried in cells they are hard to find, cannot be changed without editing code and are
        not recorded with the results. Numbers 0, 1, -1, 2 and 100 are allowed (option `allow`).
        """,
        """
        big = df[df.revenue > 1000]
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)
        model = RandomForestClassifier(n_estimators=200, max_depth=6)
        """,
        """
        big = df[df.revenue > config.min_revenue]
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=config.test_size)
        model = RandomForestClassifier(n_estimators=config.n_estimators, max_depth=config.max_depth)
        """,
        "`nb2prod extract` moves each number into the generated configuration file under the suggested key.");

    /** Keyword arguments that are model or data settings. */
    private static final Set<String> HYPER_PARAMETERS = Set.of(
        "test_size", "train_size", "C", "learning_rate", "lr", "threshold", "alpha", "epochs", "gamma", "tol",
        "l1_ratio", "dropout", "momentum", "subsample", "colsample_bytree", "colsample_bylevel", "reg_alpha",
        "reg_lambda", "eta", "patience", "degree", "epsilon", "eps", "validation_split", "k", "top_k",
        "early_stopping_rounds", "weight_decay", "decay", "beta_1", "beta_2", "l1", "l2", "contamination",
        "perplexity", "maxlen", "num_words", "units", "window", "nu", "lambda_", "lambda", "beta", "min_samples",
        "max_features", "max_iter", "frac", "margin", "temperature", "smoothing", "warmup_steps", "cutoff",
        "confidence", "support", "min_support", "min_confidence", "min_threshold", "step_size", "penalty_weight");
    private static final Pattern HYPER_PARAMETER_SHAPE = Pattern.compile(
        "(max|min|n|num)_\\w+|\\w+_(size|rate|threshold|ratio|split|epochs|iter|depth|estimators|leaf|leaves|rounds|dim|units|length|len)");
    private static final Set<String> NOT_HYPER_PARAMETERS = Set.of(
        "n_jobs", "random_state", "seed", "verbose", "verbosity", "axis", "max_rows", "max_columns", "max_colwidth",
        "max_seq_items", "max_open_warning", "max_width", "n_cols", "n_rows", "num_cols", "num_rows", "font_size",
        "marker_size", "max_lines", "min_width", "max_length_display", "max_info_columns", "n_top", "num_workers",
        "n_workers", "max_workers", "n_threads", "num_threads", "max_retries", "page_size", "chunk_size", "chunksize",
        "buffer_size", "cache_size", "max_display", "num_parallel_calls", "prefetch", "shuffle_buffer_size");
    /** Keywords that are hyper-parameters of models but also plotting or drawing options. */
    private static final Set<String> AMBIGUOUS = Set.of("alpha", "threshold", "window", "margin", "k", "units", "support");
    private static final Pattern PRESENTATION = Pattern.compile(
        "(?i).*(fig|font|marker|line|label|title|tick|legend|color|colour|px|width|height|dpi|zoom|pad|display|print|"
            + "plot|bin|point|node|edge|arrow|bar|cell|col_wrap|aspect|text|char|digits|precision|decimals|round).*");
    private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");
    private static final Pattern QUERY_THRESHOLD = Pattern.compile(
        "([A-Za-z_][\\w.]*|`[^`]+`)\\s*(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        List<String> allow = context.option("allow", DEFAULT_ALLOW);
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            new Visitor(context, cell.index(), allow).visit(cell.module(), false);
        }
    }

    private record Visitor(RuleContext context, int cell, List<String> allow) {
        void visit(Node node, boolean quiet) {
            switch (node) {
                case Stmt.Assert a -> {
                    return;
                }
                case Stmt.Print p -> {
                    return;
                }
                case Stmt.Assign a -> {
                    if (a.targets().stream().allMatch(t -> t instanceof Expr.Name || t instanceof Expr.TupleExpr)) {
                        assignedSlices(a.value());
                    }
                    visitAll(AstWalker.children(node), quiet);
                    return;
                }
                case Expr.FString f -> {
                    return;
                }
                case Stmt.ExprStmt s when displayOnly(s.value()) -> {
                    visitAll(AstWalker.children(s.value()), true);
                    return;
                }
                case Expr.Call call -> {
                    visitCall(call, quiet);
                    return;
                }
                case Expr.Compare compare when !quiet -> compare(compare);
                default -> { }
            }
            visitAll(AstWalker.children(node), quiet);
        }

        private void visitAll(List<Node> nodes, boolean quiet) {
            nodes.forEach(n -> visit(n, quiet));
        }

        private void visitCall(Expr.Call call, boolean quiet) {
            visit(call.func(), quiet);
            boolean quietArgs = quiet || CallKinds.output(call) || CallKinds.plotting(call) || versionCheck(call);
            if (!quietArgs) {
                for (Arg arg : call.args()) {
                    if (arg.kind() == Arg.Kind.KEYWORD && hyperParameter(arg.keyword())
                        && (!AMBIGUOUS.contains(arg.keyword()) || estimator(call))) {
                        Literals.number(arg.value()).ifPresent(n -> report(n, arg.value(),
                            "passed as " + arg.keyword() + "=", new Payload.Setting(arg.keyword(), arg.keyword())));
                    }
                }
                if (Dotted.lastPart(call.func()).equals("query") && !call.args().isEmpty()
                    && call.args().get(0).value() instanceof Expr.Str query) {
                    query(query);
                }
            }
            for (Arg arg : call.args()) {
                visit(arg.value(), quietArgs);
            }
        }

        private void compare(Expr.Compare compare) {
            Expr left = compare.left();
            for (int i = 0; i < compare.ops().size(); i++) {
                String op = compare.ops().get(i);
                Expr right = compare.comparators().get(i);
                if (ORDERING.contains(op)) {
                    Optional<Literals.Number> rightNumber = Literals.number(right);
                    Optional<Literals.Number> leftNumber = Literals.number(left);
                    if (rightNumber.isPresent() && leftNumber.isEmpty() && !structural(left)) {
                        reportComparison(rightNumber.get(), right, left, op.startsWith(">"));
                    } else if (leftNumber.isPresent() && rightNumber.isEmpty() && !structural(right)) {
                        reportComparison(leftNumber.get(), left, right, op.startsWith("<"));
                    }
                }
                left = right;
            }
        }

        private void reportComparison(Literals.Number number, Expr literal, Expr other, boolean lowerBound) {
            String subject = subject(other);
            String key = subject.isEmpty() ? (lowerBound ? "min_value" : "max_value")
                : (lowerBound ? "min_" : "max_") + subject;
            report(number, literal, "in a comparison" + (subject.isEmpty() ? "" : " with " + subject), setting(key));
        }

        /** Slices that make a named subset: {@code train = df.iloc[:5000]}, {@code a, b = x[:800], x[800:]}. */
        private void assignedSlices(Expr value) {
            List<Expr> values = value instanceof Expr.TupleExpr t ? t.elts() : List.of(value);
            for (Expr v : values) {
                if (v instanceof Expr.Subscript s && s.slice() instanceof Expr.Slice slice && slice.step() == null
                    && !(s.value() instanceof Expr.Attribute a && a.attr().equals("str"))) {
                    slice(s, slice);
                }
            }
        }

        private void slice(Expr.Subscript subscript, Expr.Slice only) {
            List<Expr> parts = List.of(only);
            String root = Dotted.root(subscript.value()).map(Literals::snake).orElse("");
            String owner = root.isEmpty() ? "data" : root;
            for (Expr part : parts) {
                if (part instanceof Expr.Slice s) {
                    if (s.lower() != null) {
                        Literals.number(s.lower()).ifPresent(n -> report(n, s.lower(), "as a slice start of " + owner,
                            setting(owner + "_start")));
                    }
                    if (s.upper() != null) {
                        Literals.number(s.upper()).ifPresent(n -> report(n, s.upper(), "as a slice end of " + owner,
                            setting(owner + "_end")));
                    }
                }
            }
        }

        private void query(Expr.Str query) {
            Matcher m = QUERY_THRESHOLD.matcher(query.value());
            java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
            String key = null;
            while (m.find()) {
                Optional<java.math.BigDecimal> value = Literals.parse(m.group(3));
                if (value.isPresent() && !Literals.allowed(value.get(), allow)) {
                    numbers.add(m.group(3));
                    if (key == null) {
                        String column = Literals.snake(m.group(1).replace("`", ""));
                        key = (m.group(2).startsWith(">") ? "min_" : "max_") + (column.isEmpty() ? "value" : column);
                    }
                }
            }
            if (!numbers.isEmpty()) {
                context.report(cell, query.span(), "magic number" + (numbers.size() > 1 ? "s " : " ")
                    + String.join(", ", numbers) + " in the query " + Literals.quote(query.value())
                    + ": move " + (numbers.size() > 1 ? "them" : "it") + " to configuration (e.g. " + key + ")",
                    setting(key));
            }
        }

        private void report(Literals.Number number, Expr literal, String where, Payload.Setting setting) {
            if (Literals.allowed(number.value(), allow)) {
                return;
            }
            context.report(cell, literal.span(), "magic number " + number.text() + " " + where
                + ": move it to configuration (e.g. " + setting.suggestedKey() + ")", setting);
        }

        /** The payload of a number that is not a keyword argument. */
        private static Payload.Setting setting(String key) {
            return new Payload.Setting(key, "");
        }
    }

    /** A model constructor ({@code Ridge(...)}, {@code keras.layers.Dense(...)}), not a plotting or data call. */
    private static boolean estimator(Expr.Call call) {
        String last = Dotted.lastPart(call.func());
        return !last.isEmpty() && Character.isUpperCase(last.charAt(0)) && !last.equals(last.toUpperCase(java.util.Locale.ROOT));
    }

    /** An expression statement whose value only shows something (a comparison, a subset, a summary). */
    private static boolean displayOnly(Expr value) {
        if (!(value instanceof Expr.Call call)) {
            return true;
        }
        return CallKinds.output(call) || Set.of("sum", "mean", "count", "any", "all", "max", "min", "value_counts",
            "nunique", "unique", "idxmax", "idxmin", "to_frame", "reset_index", "sort_values", "where", "count_nonzero")
            .contains(Dotted.lastPart(call.func()));
    }

    static boolean hyperParameter(String keyword) {
        return !NOT_HYPER_PARAMETERS.contains(keyword) && !PRESENTATION.matcher(keyword).matches()
            && (HYPER_PARAMETERS.contains(keyword) || HYPER_PARAMETER_SHAPE.matcher(keyword).matches());
    }

    /** Comparisons about the shape of things or versions, not thresholds: {@code x.ndim > 2}, {@code i % 10 == 0}. */
    private static boolean structural(Expr other) {
        return switch (other) {
            case Expr.Attribute a -> Set.of("ndim", "shape", "version_info", "major", "minor", "__version__")
                .contains(a.attr()) || structural(a.value());
            case Expr.Subscript s -> structural(s.value());
            case Expr.BinOp b -> b.op().equals("%") || structural(b.left());
            case Expr.Call c -> Dotted.lastPart(c.func()).equals("len") && !c.args().isEmpty()
                && structural(c.args().get(0).value());
            case Expr.Name n -> n.id().matches("(?i).*version.*") || n.id().matches("(?i)(i|j|k|n|idx|index|step|epoch|it|iter|iteration|count|counter|attempt|retries|tries)");
            default -> false;
        };
    }

    /** A name for what is compared: {@code revenue} for {@code df.revenue} or {@code df["Revenue"]}. */
    private static String subject(Expr other) {
        return switch (other) {
            case Expr.Name n -> Literals.snake(n.id());
            case Expr.Attribute a -> Literals.snake(a.attr());
            case Expr.Subscript s when s.slice() instanceof Expr.Str str -> Literals.snake(str.value());
            case Expr.Subscript s -> subject(s.value());
            case Expr.Call c when Dotted.lastPart(c.func()).equals("len") && !c.args().isEmpty() -> {
                String inner = subject(c.args().get(0).value());
                yield inner.isEmpty() ? "" : inner + "_count";
            }
            case Expr.Call c -> Literals.snake(Dotted.lastPart(c.func()));
            default -> "";
        };
    }

    private static boolean versionCheck(Expr.Call call) {
        return Dotted.name(call.func()).orElse("").toLowerCase(java.util.Locale.ROOT).contains("version");
    }
}
