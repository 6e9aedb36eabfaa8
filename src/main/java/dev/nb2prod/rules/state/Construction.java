package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.Set;

/**
 * Rebindings of a value from itself that change it again by construction when the cell runs again, so NB105
 * reports them as warnings; any other rebinding it cannot prove idempotent is reported as info. The list:
 * <ul>
 *   <li>arithmetic with the value itself as an operand ({@code x = x / 255}, {@code rows = rows + [r]}), unless
 *       the expression also reads an aggregate of it ({@code (x - x.mean()) / x.std()} standardizes again to the
 *       same values);</li>
 *   <li>positional cuts ({@code df.iloc[1:]}, {@code x[:-1]}, {@code x[[0, 2]]}, {@code x[:, 1:]}; not a cut to
 *       the first n, {@code x[:100]}, which cuts the same again);</li>
 *   <li>row filters by the frame's own aggregates or positions ({@code df[df.x > df.x.mean()]},
 *       {@code df[df.x > df.x.iloc[0]]}, {@code df[df.groupby('k').x.transform('size') > 5]});</li>
 *   <li>{@code drop} without {@code errors='ignore'} (fails the second time);</li>
 *   <li>{@code merge}, {@code join} or {@code append} onto the value, or {@code concat} / {@code np.concatenate} /
 *       {@code np.append} / stacking with it (grows or duplicates columns again);</li>
 *   <li>reshuffles and random draws ({@code df.sample(frac=1)}, {@code shuffle(X, y)},
 *       {@code train_test_split(X, y)}, a mask from {@code np.random.rand});</li>
 *   <li>{@code set_index('k')} (the column is gone the second time) and picking one column as the value itself
 *       ({@code x = x['Close']});</li>
 *   <li>one-hot encoding again ({@code pd.get_dummies(df, columns=[...])}, {@code to_categorical(y)},
 *       {@code tf.one_hot(y, 10)}).</li>
 * </ul>
 */
final class Construction {
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "//", "%", "**", "@");
    /** Methods that summarize a frame or column, or read it by position or by group. */
    private static final Set<String> AGGREGATES = Set.of("mean", "median", "quantile", "std", "var", "max", "min",
        "sum", "count", "nunique", "mode", "sem", "skew", "kurt", "prod", "agg", "aggregate", "describe",
        "value_counts", "nlargest", "nsmallest", "idxmax", "idxmin", "rank", "cumsum", "cumcount", "shift", "diff",
        "pct_change", "rolling", "expanding", "groupby", "transform", "head", "tail", "first", "last");
    /** Functions of a value that summarize it. */
    private static final Set<String> AGGREGATE_FUNCTIONS = Set.of("len", "mean", "median", "percentile",
        "nanpercentile", "quantile", "nanquantile", "std", "var", "max", "min", "sum", "nanmean", "nanmedian",
        "zscore", "amax", "amin");
    /** Functions that put the value together with more of itself or with something else. */
    private static final Set<String> JOINING_FUNCTIONS = Set.of("concat", "concatenate", "append", "vstack",
        "hstack", "dstack", "row_stack", "column_stack", "merge", "cat");
    private static final Set<String> JOINING_METHODS = Set.of("merge", "join", "append");
    private static final Set<String> ONE_HOT = Set.of("get_dummies", "to_categorical", "one_hot");
    /** Methods of the aggregates above that do not rescale: arithmetic with them still changes the value again. */
    private static final Set<String> NOT_RESCALING = Set.of("shift", "diff", "pct_change", "cumsum", "cumcount",
        "rank", "head", "tail", "first", "last", "rolling", "expanding");
    private static final java.util.regex.Pattern RANDOM =
        java.util.regex.Pattern.compile("(?!resample).*(rand|shuffle|permutation|choice|sample|train_test_split).*");

    private Construction() {}

    /** True when {@code value}, computed from the target rendered as {@code target}, changes it again on a re-run. */
    static boolean hazard(Expr value, String target) {
        return arithmetic(value, target) && !NotebookNames.any(value, n -> n instanceof Expr e && rescaling(e, target))
            || NotebookNames.any(value, n -> n instanceof Expr e && form(e, target));
    }

    /** {@code x / 255}, {@code x * 2 + 1}, {@code -x}: the value itself is an operand of the arithmetic. */
    private static boolean arithmetic(Expr e, String target) {
        return switch (e) {
            case Expr.BinOp b when ARITHMETIC.contains(b.op()) -> same(b.left(), target) || same(b.right(), target)
                || arithmetic(b.left(), target) || arithmetic(b.right(), target);
            case Expr.UnaryOp u when u.op().equals("-") -> same(u.operand(), target) || arithmetic(u.operand(), target);
            default -> false;
        };
    }

    private static boolean form(Expr e, String target) {
        return switch (e) {
            case Expr.Subscript s when rooted(s.value(), target)
                && !(s.value() instanceof Expr.Attribute shape && shape.attr().equals("shape")) -> {
                boolean iloc = s.value() instanceof Expr.Attribute a && (a.attr().equals("iloc")
                    || a.attr().equals("iat"));
                boolean plain = !(s.value() instanceof Expr.Attribute a && (a.attr().equals("loc")
                    || a.attr().equals("ix") || a.attr().equals("at")));
                yield (iloc || plain) && positional(s.slice(), target, iloc)
                    || !iloc && NotebookNames.any(s.slice(), n -> n instanceof Expr x && aggregate(x, target));
            }
            case Expr.Call call -> call(call, target);
            default -> false;
        } || pick(e, target);
    }

    /** {@code x = x['Close']}: the value becomes one of its columns, which has no column of that name. */
    private static boolean pick(Expr e, String target) {
        return e instanceof Expr.Subscript s && same(s.value(), target) && s.slice() instanceof Expr.Str;
    }

    /** A column label or a list of them. */
    private static boolean labels(Expr e) {
        return e instanceof Expr.Str || e instanceof Expr.ListExpr l && !l.elts().isEmpty()
            && l.elts().stream().allMatch(x -> x instanceof Expr.Str);
    }

    private static boolean call(Expr.Call call, String target) {
        String function = Dotted.name(call.func()).orElse("");
        String last = call.func() instanceof Expr.Attribute m ? m.attr() : function;
        if (!function.toLowerCase().matches(".*(randomstate|seed).*")
            && RANDOM.matcher(last.toLowerCase()).matches()) {
            return true; // a draw: the value is only read (the rule reports rebindings from the value itself)
        }
        boolean argsMention = call.args().stream().anyMatch(a -> mentions(a.value(), target));
        if (call.func() instanceof Expr.Attribute method && rooted(method.value(), target)) {
            return method.attr().equals("drop") && !(call.keyword("errors") instanceof Expr.Str s
                && s.value().equals("ignore"))
                || JOINING_METHODS.contains(method.attr())
                // set_index('k') moves the column k into the index: the second run finds no column k
                || method.attr().equals("set_index") && !call.args().isEmpty()
                    && labels(call.args().get(0).value()) && !(call.keyword("drop") instanceof Expr.BoolLit d
                    && !d.value()) && call.keyword("append") == null;
        }
        boolean moduleFunction = call.func() instanceof Expr.Name || call.func() instanceof Expr.Attribute a
            && !rooted(a.value(), target) && Dotted.name(a).isPresent();
        return moduleFunction && argsMention && (JOINING_FUNCTIONS.contains(last) || ONE_HOT.contains(last))
            || call.func() instanceof Expr.Attribute m && JOINING_METHODS.contains(m.attr()) && !m.attr()
                .equals("append") && argsMention && !(m.value() instanceof Expr.Str);
    }

    /** A cut or a pick by position: {@code [1:]}, {@code [:-1]}, {@code [::2]}, {@code [[0, 2]]}, {@code [0]}. */
    private static boolean positional(Expr slice, String target, boolean iloc) {
        return switch (slice) {
            case Expr.Slice s -> s.lower() != null && !zero(s.lower())
                || s.upper() != null && (negative(s.upper()) || mentions(s.upper(), target))
                || s.step() != null && !(s.step() instanceof Expr.Num n && n.text().equals("1"));
            case Expr.TupleExpr t -> t.elts().stream().anyMatch(x -> positional(x, target, iloc));
            case Expr.ListExpr l -> !l.elts().isEmpty() && l.elts().stream().allMatch(x -> x instanceof Expr.Num
                || negative(x));
            case Expr.Num n -> true;
            case Expr.UnaryOp u -> negative(u);
            default -> iloc && mentions(slice, target);
        };
    }

    /** An aggregate that rescales: {@code x / x.max()} or {@code (x - x.mean()) / x.std()} give the same again. */
    private static boolean rescaling(Expr e, String target) {
        return aggregate(e, target) && !(e instanceof Expr.Call c && c.func() instanceof Expr.Attribute m
            && NOT_RESCALING.contains(m.attr())) && !(e instanceof Expr.Attribute);
    }

    /** A summary, position or group of the target: {@code df.x.mean()}, {@code len(df)}, {@code df.x.iloc[0]}. */
    private static boolean aggregate(Expr e, String target) {
        return switch (e) {
            case Expr.Call c when c.func() instanceof Expr.Attribute m && rooted(m.value(), target) ->
                AGGREGATES.contains(m.attr());
            case Expr.Call c -> {
                String function = Dotted.name(c.func()).orElse("");
                String last = function.substring(function.lastIndexOf('.') + 1);
                yield AGGREGATE_FUNCTIONS.contains(last) && c.args().stream().map(Arg::value)
                    .anyMatch(a -> mentions(a, target));
            }
            case Expr.Attribute a -> (a.attr().equals("shape") || a.attr().equals("size") || a.attr().equals("iloc"))
                && rooted(a.value(), target);
            default -> false;
        };
    }

    /** True when the chain of attributes, subscripts and method calls {@code e} starts at the target. */
    static boolean rooted(Expr e, String target) {
        Expr at = e;
        while (at != null) {
            if (same(at, target)) {
                return true;
            }
            at = switch (at) {
                case Expr.Attribute a -> a.value();
                case Expr.Subscript s -> s.value();
                case Expr.Call c -> c.func();
                default -> null;
            };
        }
        return false;
    }

    private static boolean same(Expr e, String target) {
        return target.equals(ReExecutionHazardRule.render(e));
    }

    private static boolean mentions(Expr e, String target) {
        return NotebookNames.any(e, n -> n instanceof Expr x && same(x, target));
    }

    private static boolean zero(Expr e) {
        return e instanceof Expr.Num n && n.text().equals("0") || e instanceof Expr.NoneLit;
    }

    private static boolean negative(Expr e) {
        return e instanceof Expr.UnaryOp u && u.op().equals("-") && u.operand() instanceof Expr.Num;
    }
}
