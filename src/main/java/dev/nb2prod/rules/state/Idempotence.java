package dev.nb2prod.rules.state;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.DictItem;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values computed from a target that give the same result when computed again from their own result
 * ({@code df = df.rename(columns={...})}, {@code df['d'] = pd.to_datetime(df['d'])}): re-running such a cell
 * changes nothing, so NB105 does not report it. The documented list:
 * <ul>
 *   <li>methods {@code rename}, {@code rename_axis}, {@code astype}, {@code drop_duplicates}, {@code dropna},
 *       {@code fillna}, {@code sort_values}, {@code sort_index}, {@code abs}, {@code round}, {@code clip},
 *       {@code copy}, {@code infer_objects}, {@code convert_dtypes}, {@code reset_index(drop=True)}, and
 *       {@code replace} of exact values (not {@code regex=True}, no replacement that is itself replaced);</li>
 *   <li>string methods {@code .str.strip/lstrip/rstrip/lower/upper/title/casefold} and {@code .str.slice} from
 *       the start;</li>
 *   <li>functions {@code pd.to_datetime}, {@code pd.to_numeric}, {@code np.array}, {@code np.asarray},
 *       {@code np.abs}, {@code np.round}, {@code sorted}, {@code set}, {@code list}, {@code tuple}, {@code str},
 *       {@code int}, {@code float}, {@code bool} of the target;</li>
 *   <li>{@code pd.get_dummies} of the target without {@code columns=} (a frame already encoded has nothing left to
 *       encode), and {@code fit} of an estimator ({@code clf = clf.fit(X, y)} trains from scratch again);</li>
 *   <li>{@code df.query('...')} whose expression calls no function, and row filters whose condition tests each
 *       row on its own ({@code df[df.x > 0]}, {@code df.loc[df.state.isin(["CA", "NY"])]},
 *       {@code df[df.name.notna()]}; see {@link Selection}): a fixed filter keeps the same rows again, unlike
 *       {@code df[df.x > df.x.mean()]}, {@code df.sample(frac=0.5)} or {@code df.iloc[1:]};</li>
 *   <li>column selections by fixed labels ({@code df = df[["a", "b"]]}, {@code df.loc[:, ["a", "b"]]},
 *       {@code df.loc[:, 2:5]}), both at once ({@code df.loc[df.x > 0, ["a", "b"]]}), rows selected by a name the
 *       notebook binds only to index labels ({@code df.loc[active]} after {@code active = s.index[s >= 250]}),
 *       {@code ffill}, {@code bfill}, {@code reindex}, {@code asfreq} and {@code to_crs} with arguments
 *       that do not read the target, and {@code reshape} / {@code np.reshape} to a shape that does not;</li>
 *   <li>{@code pd.MultiIndex.from_tuples} of the target (a MultiIndex iterates as its tuples), Keras
 *       {@code pad_sequences} (padded sequences are padded already), {@code filter} by a predicate that draws
 *       nothing at random ({@code ds.filter(lambda x: x < 10)}, {@code df.filter(items=[...])}), and
 *       {@code x.reshape(x.shape[0], ...)} (the first dimension stays);</li>
 *   <li>any chain of these ({@code df = df.dropna().drop_duplicates()}).</li>
 * </ul>
 */
final class Idempotence {
    private static final Set<String> METHODS = Set.of("rename", "rename_axis", "astype", "drop_duplicates", "dropna",
        "fillna", "sort_values", "sort_index", "abs", "round", "clip", "copy", "infer_objects", "convert_dtypes", "fit",
        "ffill", "bfill", "reindex", "asfreq", "reshape", "to_crs");
    private static final java.util.regex.Pattern CALL_IN_QUERY = java.util.regex.Pattern.compile("[A-Za-z_]\\w*\\s*\\(");
    private static final Set<String> STRING_METHODS = Set.of("strip", "lstrip", "rstrip", "lower", "upper", "title",
        "casefold");
    private static final Set<String> LIBRARY_FUNCTIONS = Set.of("pd.to_datetime", "pandas.to_datetime",
        "pd.to_numeric", "pandas.to_numeric", "np.array", "numpy.array", "np.asarray", "numpy.asarray", "np.abs",
        "numpy.abs", "np.round", "numpy.round", "to_datetime", "to_numeric", "np.reshape",
        "numpy.reshape", "pd.MultiIndex.from_tuples", "pandas.MultiIndex.from_tuples", "MultiIndex.from_tuples",
        "pad_sequences", "sequence.pad_sequences", "keras.preprocessing.sequence.pad_sequences",
        "tf.keras.preprocessing.sequence.pad_sequences", "tf.keras.utils.pad_sequences", "keras.utils.pad_sequences");
    private static final Set<String> BUILTINS = Set.of("sorted", "set", "list", "tuple", "str", "int", "float", "bool");

    private Idempotence() {}

    /** True when {@code value} is an idempotent transformation of the target rendered as {@code target}. */
    static boolean of(Expr value, String target) {
        return of(value, target, Set.of());
    }

    /**
     * As {@link #of(Expr, String)}, knowing the names the notebook binds only to index labels ({@code labels}):
     * {@code df.loc[labels]} selects the same rows again.
     */
    static boolean of(Expr value, String target, Set<String> labels) {
        if (target.equals(ReExecutionHazardRule.render(value))) {
            return true;
        }
        Expr selected = Selection.filtered(value, target, labels);
        if (selected == null) {
            selected = Selection.columnsOf(value, target);
        }
        if (selected != null) {
            return of(selected, target, labels);
        }
        if (!(value instanceof Expr.Call call)) {
            return false;
        }
        if (call.func() instanceof Expr.Attribute query && query.attr().equals("query") && call.args().size() == 1
            && call.args().get(0).value() instanceof Expr.Str expression
            && !CALL_IN_QUERY.matcher(expression.value()).find()) {
            return of(query.value(), target, labels);
        }
        List<Expr> others = call.args().stream().map(Arg::value).toList();
        if (call.func() instanceof Expr.Attribute method) {
            Expr receiver = method.value();
            boolean stringMethod = receiver instanceof Expr.Attribute str && str.attr().equals("str")
                && (STRING_METHODS.contains(method.attr()) || method.attr().equals("slice") && fromStart(call));
            Expr base = stringMethod ? ((Expr.Attribute) receiver).value() : receiver;
            List<Expr> methodArgs = method.attr().equals("reshape") && !others.isEmpty()
                && leadingDimension(others.get(0), target)
                ? others.subList(1, others.size()) // x.reshape(x.shape[0], 1, 28, 28): the first dim stays
                : others;
            boolean idempotentMethod = stringMethod || METHODS.contains(method.attr())
                || method.attr().equals("filter") && methodArgs.stream().noneMatch(Idempotence::draws)
                || method.attr().equals("reset_index") && call.keyword("drop") instanceof Expr.BoolLit b && b.value()
                || method.attr().equals("replace") && exactReplace(call);
            if (idempotentMethod && of(base, target, labels)
                && methodArgs.stream().noneMatch(a -> mentions(a, target))) {
                return true;
            }
        }
        String function = Dotted.name(call.func()).orElse("");
        if ((function.equals("pd.get_dummies") || function.equals("pandas.get_dummies"))
            && call.keyword("columns") == null) {
            return call.args().size() == 1 && of(call.args().get(0).value(), target, labels);
        }
        boolean known = LIBRARY_FUNCTIONS.contains(function) || call.func() instanceof Expr.Name n
            && BUILTINS.contains(n.id());
        return known && !call.args().isEmpty() && call.args().get(0).kind() == Arg.Kind.POSITIONAL
            && of(call.args().get(0).value(), target, labels)
            && others.subList(1, others.size()).stream().noneMatch(a -> mentions(a, target));
    }

    /** {@code x.shape[0]} or {@code len(x)}: a reshape that keeps it as its first dimension keeps it again. */
    private static boolean leadingDimension(Expr e, String target) {
        return e instanceof Expr.Subscript s && s.slice() instanceof Expr.Num n && n.text().equals("0")
            && s.value() instanceof Expr.Attribute shape && shape.attr().equals("shape")
            && target.equals(ReExecutionHazardRule.render(shape.value()))
            || e instanceof Expr.Call len && len.func() instanceof Expr.Name f && f.id().equals("len")
            && len.args().size() == 1 && target.equals(ReExecutionHazardRule.render(len.args().get(0).value()));
    }

    /** A call that draws at random ({@code tf.random.uniform(())}, {@code np.random.rand()}, {@code shuffle}). */
    private static boolean draws(Expr e) {
        return NotebookNames.any(e, n -> n instanceof Expr.Call c && Dotted.name(c.func()).orElse("?").toLowerCase()
            .matches(".*(rand|shuffle|sample|choice).*"));
    }

    /** {@code s.str.slice(0, 5)}, {@code s.str.slice(stop=5)}: cutting from the start twice cuts the same. */
    private static boolean fromStart(Expr.Call call) {
        Expr start = call.keyword("start");
        if (start == null && !call.args().isEmpty() && call.args().get(0).kind() == Arg.Kind.POSITIONAL) {
            start = call.args().get(0).value();
        }
        return (start == null || start instanceof Expr.Num n && n.text().equals("0")
            || start instanceof Expr.NoneLit) && call.keyword("step") == null && call.args().size() <= 2;
    }

    /** {@code replace({'?': np.nan})}, {@code replace(-1, 0)}: exact values, no replacement itself replaced. */
    private static boolean exactReplace(Expr.Call call) {
        if (call.keyword("regex") instanceof Expr.BoolLit b && b.value() || call.args().isEmpty()) {
            return false;
        }
        Expr first = call.args().get(0).value();
        if (first instanceof Expr.DictExpr dict) {
            Set<String> keys = new HashSet<>();
            for (DictItem item : dict.items()) {
                if (item.key() == null) {
                    return false; // **other: unknown keys
                }
                keys.add(text(item.key()));
            }
            return dict.items().stream().noneMatch(i -> keys.contains(text(i.value())) || i.value() instanceof Expr.DictExpr);
        }
        Expr second = call.args().size() == 2 ? call.args().get(1).value() : null;
        return second != null && literal(first) && literal(second) && !text(first).equals(text(second));
    }

    private static boolean literal(Expr e) {
        return e instanceof Expr.Constant || e instanceof Expr.UnaryOp u && u.operand() instanceof Expr.Num;
    }

    private static String text(Expr e) {
        return switch (e) {
            case Expr.Str s -> "s:" + s.value();
            case Expr.Num n -> "n:" + n.text();
            case Expr.NoneLit x -> "None";
            case Expr.UnaryOp u when u.operand() instanceof Expr.Num n -> "n:" + u.op() + n.text();
            case Expr.BoolLit b -> "b:" + b.value();
            default -> Dotted.name(e).orElse("?" + e.span());
        };
    }

    private static boolean mentions(Expr e, String target) {
        return NotebookNames.any(e, n -> n instanceof Expr x && target.equals(ReExecutionHazardRule.render(x)));
    }
}
